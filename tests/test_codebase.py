"""The code's shape holds: imports point one way, and no module grows past what one reads."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["promel", "roles", "benchmarks"]
LONGEST_MODULE = 350


def project_modules():
    """{dotted name: path} of every module of ours, migrations left out (Django writes them)."""
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


def imported_at_load(name, path, modules):
    """The project modules `name` imports when it is loaded (imports inside functions wait)."""
    is_package = path.name == "__init__.py"
    found = set()
    for statement in load_time_statements(ast.parse(path.read_text()).body):
        if isinstance(statement, ast.Import):
            found |= {alias.name for alias in statement.names}
        elif isinstance(statement, ast.ImportFrom):
            base = resolve(name, is_package, statement.module, statement.level)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in statement.names}
    return {module for module in found if module in modules and module != name}


def load_time_statements(body):
    """Statements run when the module loads: class bodies and blocks, not function bodies."""
    for statement in body:
        yield statement
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for field in ("body", "orelse", "finalbody", "handlers"):
            yield from load_time_statements(getattr(statement, field, []))


def resolve(name, is_package, module, level):
    if not level:
        return module
    package = name.split(".") if is_package else name.split(".")[:-1]
    base = package[: len(package) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def import_graph():
    modules = project_modules()
    return {name: imported_at_load(name, path, modules) for name, path in modules.items()}


def cycles(graph):
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_checker_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_checker_sees_our_imports():
    graph = import_graph()
    assert "roles.models" in graph["roles.visitors.models"]
    assert "roles.visitors.forms" in graph["roles.views.sheets"]


def test_no_import_cycle_between_modules():
    assert cycles(import_graph()) == []


def test_visitors_input_depends_on_the_sheets_never_the_reverse_way_for_models():
    graph = import_graph()
    models = [name for name in graph if name.startswith("roles.models")]
    assert not any(target.startswith("roles.visitors") for name in models for target in graph[name])


def test_no_module_is_longer_than_one_sitting():
    long = {
        name: lines
        for name, path in project_modules().items()
        if (lines := len(path.read_text().splitlines())) > LONGEST_MODULE
    }
    assert long == {}
