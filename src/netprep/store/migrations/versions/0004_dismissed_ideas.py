"""Ideas the owner dismissed for a person, with the reason, so they are not suggested again.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dismissed_idea",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("idea_key", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("dismissed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_dismissed_idea_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "idea_key", name=op.f("pk_dismissed_idea")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("dismissed_idea")
