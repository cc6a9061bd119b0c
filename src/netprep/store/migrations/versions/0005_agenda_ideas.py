"""Ideas the owner put on the agenda for a person: the brief takes them first.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agenda_idea",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("idea_key", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_agenda_idea_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "idea_key", name=op.f("pk_agenda_idea")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("agenda_idea")
