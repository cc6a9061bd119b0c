"""A cache of texts read in English, so that a cold `netprep ideas` need not read every
title of the network through the lexicon again.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gloss",
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("english", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("text", name=op.f("pk_gloss")),
    )


def downgrade() -> None:
    op.drop_table("gloss")
