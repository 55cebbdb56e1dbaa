"""Export stage: RDF files, the HTML viewer."""
