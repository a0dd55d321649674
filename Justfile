# Shortcuts for people who use `just` (https://github.com/casey/just). Nothing depends on this file:
# every recipe is a thin alias for the ./taskgraph launcher or Maven.

# list the recipes
default:
    @just --list

# taskgraph run (e.g. just run --spec specs.main -o out.db)
run *args:
    ./taskgraph run {{args}}

# taskgraph rerun (e.g. just rerun jan.db -o feb.db --spec specs.feb)
rerun *args:
    ./taskgraph rerun {{args}}

# taskgraph show
show *args:
    ./taskgraph show {{args}}

# taskgraph extract-spec DB OUT
extract-spec *args:
    ./taskgraph extract-spec {{args}}

# inspect an Excel workbook: sheets, dimensions and the cells of a range
inspect-xlsx file sheet="" range="":
    ./taskgraph inspect-xlsx {{file}} {{sheet}} {{range}}

# the offline demo
demo *args:
    ./taskgraph demo {{args}}

# the whole test suite, as CI runs it: installs what the tests need when missing, then mvn -B verify
test *args:
    bash .ci/run {{args}}

# tests whose class or method name matches a pattern, e.g. just test-k Diamond
test-k pattern:
    mvn -B verify -Dtest='*{{pattern}}*' -Dsurefire.failIfNoSpecifiedTests=false
