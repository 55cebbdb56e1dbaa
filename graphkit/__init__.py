"""graphkit: news articles in, one knowledge graph out.

>>> import graphkit
>>> kg = graphkit.build(["seeds/"])              # doctest: +SKIP
>>> kg.write_turtle("output/graph.ttl")          # doctest: +SKIP
"""

from .kg import KnowledgeGraph, build, extract, from_docs, load, load_nlp
from .model import Article, DocResult, Entity, Mention, Quote, Relation, Span

__version__ = "0.1.0"
__all__ = ["Article", "DocResult", "Entity", "KnowledgeGraph", "Mention", "Quote", "Relation", "Span",
           "build", "extract", "from_docs", "load", "load_nlp", "__version__"]
