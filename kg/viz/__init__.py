"""Interactive network views of the graph: networkx for the graph work, pyvis for the page.

    from kg.viz.graph import store_graph
    from kg.viz.page import write_page
    write_page(store_graph(KnowledgeGraph.open("kgstore", read_only=True)), "out/kg.html")

Nothing heavy is imported here, so that `kg --help` stays quick.
"""

#: Above this many entities the page opens on a part of the graph: vis-network stays fluid on a
#: laptop up to about this many nodes with their labels.
DEFAULT_MAX_NODES = 1500
