"""Django database backend for the embedded server: PostgreSQL that starts on demand.

The stock PostgreSQL backend, plus two things: the server is started (and this process
registered as its user) before the first connection, and ``manage.py dbshell`` uses the
psql that ships with the server, so it works where no PostgreSQL client is installed.
"""

from django.db.backends.postgresql import base, client

from . import bin_dir, use_in_this_process


class DatabaseClient(client.DatabaseClient):
    executable_name = str(bin_dir() / "psql")

    def runshell(self, parameters):
        use_in_this_process()
        super().runshell(parameters)


class DatabaseWrapper(base.DatabaseWrapper):
    client_class = DatabaseClient

    def get_new_connection(self, conn_params):
        use_in_this_process()
        return super().get_new_connection(conn_params)
