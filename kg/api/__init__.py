"""The web service: SPARQL 1.1 Protocol endpoint, named queries, linked data, dumps and the graph viewer.

Import :func:`kg.api.app.create_app` to build an application; nothing is created at import time.
This package's ``__init__`` stays empty so that query worker processes (:mod:`kg.api.worker`)
import only pyoxigraph.
"""
