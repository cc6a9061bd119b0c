"""Learning from what was imported: whole message texts, documents, and proposals.

Interactions keep the whole text, subject and thread of a message, and whether it is noise
(spam, sponsored, an endorsement). Documents hold texts people published about themselves
(the owner's LinkedIn summary, positions). Proposals generalise homework's proposed facets:
every learned fact, from any source, with its quote, origin and confidence. Homework's
proposed and rejected facets and channels move there; accepted ones stay in the profile.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("subject", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("thread", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("noise", sa.Boolean(), server_default="0", nullable=False))

    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("source_key", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_document_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("source", "source_key", name=op.f("uq_document_source_source_key")),
    )  # fmt: skip
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_person_id"), ["person_id"], unique=False)

    op.create_table(
        "proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("facet", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("origin_ref", sa.String(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extractor", sa.String(), nullable=False),
        sa.Column("status", sa.String(), server_default="proposed", nullable=False),
        sa.Column("added_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_proposal_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal")),
        sa.UniqueConstraint(
            "person_id", "facet", "key", name=op.f("uq_proposal_person_id_facet_key")
        ),
    )  # fmt: skip
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.create_index("ix_proposal_status", ["status", "person_id"], unique=False)

    _move_homework_proposals()


def _move_homework_proposals() -> None:
    """Homework's proposed and rejected facts become proposals (their verdicts kept)."""
    from netprep import normalize

    bind = op.get_bind()
    facets = bind.exec_driver_sql(
        "SELECT id, person_id, kind, text, source_url, added_on, status FROM facet"
        " WHERE source = 'homework' AND status <> 'accepted'"
    ).fetchall()
    for _id, person, kind, text, url, added, status in facets:
        bind.exec_driver_sql(
            "INSERT OR IGNORE INTO proposal (person_id, facet, text, key, source, origin,"
            " origin_ref, confidence, extractor, status, added_on)"
            " VALUES (?, ?, ?, ?, ?, 'page', ?, 0.6, 'pages', ?, ?)",
            (person, kind, text, normalize.fold(text), url, url, status, added),
        )
    channels = bind.exec_driver_sql(
        "SELECT id, person_id, kind, name, url, topics, accepts_guests, source_url, status"
        " FROM channel WHERE source = 'homework' AND status <> 'accepted'"
    ).fetchall()
    for _id, person, kind, name, url, topics, guests, page, status in channels:
        detail = {
            "kind": kind,
            "name": name,
            "url": url,
            "topics": json.loads(topics) if topics else [],
            "accepts_guests": None if guests is None else bool(guests),
        }
        key = normalize.url(url) if url else normalize.fold(name)
        bind.exec_driver_sql(
            "INSERT OR IGNORE INTO proposal (person_id, facet, text, key, detail, source, origin,"
            " origin_ref, confidence, extractor, status)"
            " VALUES (?, 'channels', ?, ?, ?, ?, 'page', ?, 0.6, 'pages', ?)",
            (person, name, key, json.dumps(detail), page, page, status),
        )
    bind.exec_driver_sql("DELETE FROM facet WHERE source = 'homework' AND status <> 'accepted'")
    bind.exec_driver_sql("DELETE FROM channel WHERE source = 'homework' AND status <> 'accepted'")


def downgrade() -> None:
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.drop_index("ix_proposal_status")
    op.drop_table("proposal")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_person_id"))
    op.drop_table("document")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_column("noise")
        batch_op.drop_column("thread")
        batch_op.drop_column("text")
        batch_op.drop_column("subject")
