"""Employers that tie nobody together: self-employment, freelancing, marketplaces, none.

Two people who both write "Self-employed", "Autónomo" or "Upwork" as their company do not
work together, so neither the ideas engine nor the weekly plan may take them for
colleagues who could introduce each other.
"""

from __future__ import annotations

import re

from netprep.normalize import fold

_NONE = re.compile(
    r"^(?:self[- ]?employed|self|freelanc\w*|independent\w*|indie|consultant|contractor|"
    r"autonom[oa]s?|autonomo|trabalhador(?:a)? independente|independente|por conta propria|"
    r"trabajador(?:a)? autonom[oa]|por cuenta propia|independiente|travailleur independant|"
    r"independant(?:e)?|auto-?entrepreneur|micro-?entrepreneur|selbst(?:st)?andig\w*|"
    r"freiberuf\w*|libero professionista|libera professionista|partita iva|zzp(?:'?er)?|"
    r"zelfstandig\w*|eenmanszaak|upwork|fiverr|malt|toptal|freelancer\.com|99designs|"
    r"workana|crowdcube|none|n/?a|-+|\.+|various|several|confidential|stealth(?: mode)?(?: startup)?|"
    r"retired|reformad[oa]|jubilad[oa]|retraite|ruhestand|pensionat[oa]|gepensioneerd|"
    r"student|estudante|estudiante|etudiant|looking for (?:new )?opportunities|open to work|"
    r"career break|unemployed|desempregad[oa]|desemplead[oa]|sans emploi|arbeitssuchend)$",
    re.IGNORECASE,
)


def no_employer(company: str) -> bool:
    """Whether a company field names no employer that people share as colleagues."""
    text = fold(company).strip(" .,-–—()")
    return not text or bool(_NONE.match(text))
