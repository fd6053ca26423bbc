"""A commit that returned survives the process dying right after it."""

import subprocess
import sys
import textwrap
from pathlib import Path

from limes.store.sql.engine import create_engine_for, create_session_factory
from limes.store.sql.unit_of_work import SqlUnitOfWork

REPOSITORY = Path(__file__).parents[2]

# Commits one file, prints its identifier, and dies without any clean shutdown.
COMMIT_AND_DIE = textwrap.dedent(
    """
    import os, sys
    from limes.store.sql.engine import create_engine_for, create_session_factory
    from limes.store.sql.unit_of_work import SqlUnitOfWork
    from tests.store.builders import make_file

    sessions = create_session_factory(create_engine_for(sys.argv[1]))
    file = make_file()
    with SqlUnitOfWork(sessions) as uow:
        uow.traveller_files.add(file)
        uow.commit()
    print(file.file_id, flush=True)
    os._exit(0)
    """
)


def test_a_committed_file_survives_the_process_dying(committed_database_url: str) -> None:
    finished = subprocess.run(
        [sys.executable, "-c", COMMIT_AND_DIE, committed_database_url],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    file_id = finished.stdout.strip()

    engine = create_engine_for(committed_database_url)
    try:
        with SqlUnitOfWork(create_session_factory(engine)) as uow:
            file = uow.traveller_files.get(file_id)
    finally:
        engine.dispose()
    assert file is not None
    assert file.file_id == file_id
