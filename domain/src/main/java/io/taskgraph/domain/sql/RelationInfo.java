package io.taskgraph.domain.sql;

import io.taskgraph.domain.data.Column;
import java.util.List;

/** A table or view in the workspace and its columns, in order. */
public record RelationInfo(String name, Kind kind, List<Column> columns) {
    public enum Kind { TABLE, VIEW }

    public RelationInfo {
        columns = List.copyOf(columns);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
