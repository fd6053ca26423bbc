"""`limes db upgrade`: bring the database LIMES_DATABASE_URL names to the newest schema."""

import typer

from limes.settings import Settings
from limes.store.sql.migrate import upgrade as upgrade_schema

app = typer.Typer(help="The database: schema migrations.", no_args_is_help=True)


@app.command()
def upgrade() -> None:
    """Apply every Alembic migration not yet applied (SQLite file or PostgreSQL)."""
    settings = Settings()
    upgrade_schema(settings.database_url)
    typer.echo("database schema is up to date")
