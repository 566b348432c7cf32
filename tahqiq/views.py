"""SQL views for the questions analysts ask most; one place holds their text and their descriptions.

`create_views(con)` (re)creates them with `COMMENT ON VIEW`, so `SELECT * FROM duckdb_views()` explains
each one. Views are plain SQL over the contract tables: they always show the current warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from tahqiq.warehouse import sql_literal


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str


# "value ← outlet, outlet" for one attribute of event_reports, per event.
def _claims(column: str) -> str:
    return f"""(
        SELECT string_agg(claim, ' | ' ORDER BY n DESC, claim) FROM (
            SELECT r.{column}::VARCHAR || ' ← ' || string_agg(DISTINCT coalesce(r.outlet, r.article_id), ', ')
                       AS claim, count(*) AS n
            FROM event_reports r
            WHERE r.event_id = e.event_id AND r.{column} IS NOT NULL
            GROUP BY r.{column}))"""


_TARGETS = """(
    SELECT string_agg(DISTINCT n.canonical_name, '، ')
    FROM event_participants p JOIN entities n USING (entity_id)
    WHERE p.event_id = e.event_id AND p.role = '{role}')"""

# conflicts."values" is a JSON list of {"value", "article_ids", "outlets"}; an unknown outlet is ''.
_VALUES_READABLE = """array_to_string(list_transform(
        from_json(c."values", '[{"value": "VARCHAR", "article_ids": ["VARCHAR"], "outlets": ["VARCHAR"]}]'),
        v -> v.value || ' ← ' || coalesce(nullif(array_to_string(list_filter(v.outlets, o -> o <> ''), ', '), ''),
                                          len(v.article_ids)::VARCHAR || ' article(s) without outlet')), ' | ')"""

VIEWS: tuple[View, ...] = (
    View(
        "event_sources",
        "One row per event with every source side by side: which outlets report it and what each says "
        "about date, place, killed, wounded and who claims it.",
        f"""
        SELECT e.event_id, e.event_type, e.event_date, e.place_name, e.admin1, e.killed, e.wounded,
               e.n_articles, e.n_outlets,
               (SELECT string_agg(DISTINCT coalesce(r.outlet, r.article_id), ', ')
                FROM event_reports r WHERE r.event_id = e.event_id) AS outlets,
               {_claims("reported_date")} AS dates_reported,
               {_claims("reported_place")} AS places_reported,
               {_claims("reported_killed")} AS killed_reported,
               {_claims("reported_wounded")} AS wounded_reported,
               {_claims("claim_source")} AS claimed_by
        FROM events e
        ORDER BY e.event_date NULLS LAST, e.event_id""",
    ),
    View(
        "people_aliases",
        "One row per person with every name they are reported under, most used first, and how widely "
        "they are reported.",
        """
        SELECT e.entity_id, e.canonical_name, e.canonical_latin,
               count(a.alias) AS n_aliases,
               string_agg(a.alias, ' | ' ORDER BY a.n_articles DESC, a.alias) AS aliases,
               string_agg(DISTINCT a.alias_kind, ', ') AS alias_kinds,
               e.n_mentions, e.n_articles, e.n_outlets
        FROM entities e LEFT JOIN entity_aliases a USING (entity_id)
        WHERE e.entity_type = 'PERSON'
        GROUP BY ALL
        ORDER BY e.n_articles DESC, e.canonical_name""",
    ),
    View(
        "disputed_events",
        "One row per disagreement about an event: the event, the attribute in dispute, every value with "
        "the outlets that state it, severity and explanation.",
        f"""
        SELECT e.event_id, e.event_type, e.event_date, e.place_name, c.attribute, c.kind, c.severity,
               {_VALUES_READABLE} AS values_and_sources,
               c.explanation, c.explanation_ar, e.n_outlets
        FROM conflicts c JOIN events e ON c.subject_kind = 'event' AND c.subject_id = e.event_id
        ORDER BY c.severity DESC,
                 e.event_date NULLS LAST, c.attribute""",
    ),
    View(
        "disputed_people",
        "One row per disagreement about a person or organization: the attribute in dispute and every "
        "value with the outlets that state it.",
        f"""
        SELECT n.entity_id, n.entity_type, n.canonical_name, c.attribute, c.severity,
               {_VALUES_READABLE} AS values_and_sources, c.explanation
        FROM conflicts c JOIN entities n ON c.subject_kind = 'entity' AND c.subject_id = n.entity_id
        ORDER BY c.severity DESC, n.canonical_name""",
    ),
    View(
        "timeline",
        "Every event in date order: what, where, who was targeted, who acted, and how many outlets "
        "report it and disagree about it.",
        f"""
        SELECT e.event_date, e.date_precision, e.event_type, e.place_name, e.admin1, e.country,
               {_TARGETS.format(role="target")} AS targets,
               {_TARGETS.format(role="actor")} AS actors,
               {_TARGETS.format(role="partner")} AS partners,
               e.killed, e.wounded, e.n_outlets,
               (SELECT count(*) FROM conflicts c
                WHERE c.subject_kind = 'event' AND c.subject_id = e.event_id) AS n_disputed_attributes,
               e.event_id
        FROM events e
        WHERE NOT coalesce(e.is_background, false)
        ORDER BY e.event_date NULLS LAST, e.event_id""",
    ),
)


def create_views(con: duckdb.DuckDBPyConnection) -> list[View]:
    """(Re)create every view with its description; returns the views created."""
    for view in VIEWS:
        con.execute(f'CREATE OR REPLACE VIEW "{view.name}" AS {view.sql}')
        con.execute(f'COMMENT ON VIEW "{view.name}" IS {sql_literal(view.description)}')
    return list(VIEWS)
