"""Fixtures of the network tests: the network of the two hand-built cases of `network_cases`."""

from __future__ import annotations

import networkx as nx
import pytest
from network_cases import brest_report, rennes_report

from ghostwatch.incidents import build_record
from ghostwatch.incidents.record import IncidentRecord
from ghostwatch.network.graph import build_graph


@pytest.fixture
def two_cases() -> list[IncidentRecord]:
    return [build_record(1, [rennes_report()]), build_record(2, [brest_report()])]


@pytest.fixture
def network(two_cases: list[IncidentRecord]) -> nx.MultiDiGraph:
    return build_graph(two_cases)
