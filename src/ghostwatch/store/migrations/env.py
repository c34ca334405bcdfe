"""Alembic environment for the ghostwatch store.

Migrations only run through `ghostwatch.store.migrate`, which opens the transaction (and on
PostgreSQL takes a lock so two processes cannot migrate at once) and hands its connection over in
`config.attributes["connection"]`. There is no alembic.ini and no offline mode: the installed
package must be able to migrate any database it is pointed at, with nothing beside it.
"""

from __future__ import annotations

from alembic import context

from ghostwatch.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "ghostwatch migrations run through ghostwatch.store.migrate.upgrade(engine), "
        "not the alembic command line"
    )

context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
