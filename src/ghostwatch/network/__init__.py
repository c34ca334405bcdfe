"""The actors' network of incidents: graph, metrics, exports."""
