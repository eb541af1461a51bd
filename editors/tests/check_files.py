#!/usr/bin/env python3
"""Static checks of the editor files that CI cannot run in a real editor.

- helix/languages.toml parses (tomllib) and names the server `vraagbaak serve`;
- vscode/*.json parse; the TextMate grammar's regular expressions compile and, run by
  a small line-based TextMate tokenizer (Python `re` standing in for Oniguruma: the
  grammar sticks to their common subset), give the expected scopes on examples/;
- sublime/LSP.sublime-settings parses (comments allowed); Vraag.sublime-syntax is YAML
  whose regular expressions compile;
- the editors' READMEs: relative links and their #anchors resolve; settings examples
  put `rules` under `checks`, the shape the server reads.
Exit status 1 when any check fails.
"""
import json
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]
EDITORS = ROOT / "editors"
failures = 0


def ok(cond, what, detail=""):
    global failures
    print(f"  {'ok  ' if cond else 'FAIL'} {what}{'' if cond or not detail else ': ' + str(detail)}")
    if not cond:
        failures += 1
    return cond


def load(path, parse):
    try:
        value = parse((EDITORS / path).read_text(encoding="utf-8"))
        ok(True, f"{path} parses")
        return value
    except Exception as error:  # noqa: BLE001 - any parse error is a failure
        ok(False, f"{path} parses", error)
        return None


def jsonc(text):
    """JSON with // comment lines and trailing commas (Sublime's settings files)."""
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    text = re.sub(r"\s//[^\"\n]*$", "", text, flags=re.M)
    return json.loads(re.sub(r",(\s*[}\]])", r"\1", text))


# --- Helix
helix = load("helix/languages.toml", tomllib.loads)
if helix:
    language = helix["language"][0]
    server = helix["language-server"]["vraagbaak"]
    ok(language["name"] == "vraag" and language["file-types"] == ["vraag"], "helix: language vraag for *.vraag")
    ok([server["command"]] + server["args"] == ["vraagbaak", "serve"], "helix: runs `vraagbaak serve`")

# --- VS Code
package = load("vscode/package.json", json.loads)
load("vscode/tsconfig.json", json.loads)
load("vscode/language-configuration.json", json.loads)
grammar = load("vscode/syntaxes/vraag.tmLanguage.json", json.loads)
if package:
    languages = package["contributes"]["languages"]
    ok(languages[0]["id"] == "vraag" and ".vraag" in languages[0]["extensions"], "vscode: language vraag for .vraag")
    ok("vscode-languageclient" in package["dependencies"], "vscode: depends on vscode-languageclient")
    source = (EDITORS / "vscode/src/extension.ts").read_text(encoding="utf-8")
    ok('"serve"' in source and 'language: "vraag"' in source, "vscode: extension.ts starts `serve` for vraag")


def onig_to_python(pattern):
    # (?i) must lead a Python pattern; the grammar uses it only at the start or scoped.
    return pattern


def compile_all(rule, where):
    for key in ("match", "begin", "end"):
        if key in rule:
            try:
                rule["_" + key] = re.compile(onig_to_python(rule[key]))
            except re.error as error:
                ok(False, f"{where}.{key} compiles", error)
    for index, child in enumerate(rule.get("patterns", [])):
        compile_all(child, f"{where}.patterns[{index}]")


class Tokenizer:
    """A small TextMate tokenizer: match, begin/end, captures, include #name."""

    def __init__(self, grammar):
        self.grammar = grammar
        for name, rule in grammar["repository"].items():
            compile_all(rule, name)
        compile_all(grammar, "patterns")

    def expand(self, patterns):
        for rule in patterns:
            if "include" in rule:
                yield from self.expand([self.grammar["repository"][rule["include"][1:]]])
            elif "match" in rule or "begin" in rule:
                yield rule
            else:
                yield from self.expand(rule.get("patterns", []))

    def tokenize(self, text):
        """Returns, per line, a list of scope sets, one per character."""
        stack = [(self.grammar["scopeName"], self.grammar)]  # (scope, rule)
        result = []
        for number, line in enumerate(text.split("\n")):
            scopes = [None] * len(line)
            base = [s for s, _ in stack]
            for i in range(len(line)):
                scopes[i] = set(base)
            pos = 0
            pushed_here = False
            while pos <= len(line):
                rule = stack[-1][1]
                candidates = []
                if "_end" in rule:
                    m = rule["_end"].search(line, pos)
                    if m:
                        candidates.append((m.start(), 0, "end", rule, m))
                for order, child in enumerate(self.expand(rule.get("patterns", []))):
                    regex = child.get("_match") or child.get("_begin")
                    source = child.get("match") or child.get("begin")
                    if source == "\\A" and (number > 0 or pos > 0):
                        continue
                    m = regex.search(line, pos)
                    if m:
                        candidates.append((m.start(), 1 + order, "child", child, m))
                if not candidates:
                    break
                start, _, kind, child, m = min(candidates, key=lambda c: (c[0], c[1]))
                here = [s for s, _ in stack]
                if kind == "end":
                    self.paint(scopes, m, here, rule.get("endCaptures", {}))
                    stack.pop()
                elif "_match" in child:
                    self.paint(scopes, m, here + [child.get("name")], child.get("captures", {}))
                else:
                    self.paint(scopes, m, here + [child.get("name")], child.get("beginCaptures", {}))
                    stack.append((child.get("name"), child))
                if m.end() > pos:
                    pos = m.end()
                elif kind == "child" and "_begin" in child and not pushed_here:
                    pushed_here = True  # a zero-width begin: scan again inside it
                else:
                    pos += 1
            result.append((line, scopes))
        return result

    @staticmethod
    def paint(scopes, match, base, captures):
        for i in range(match.start(), match.end()):
            scopes[i] = set(filter(None, base))
        for group, capture in captures.items():
            if match.start(int(group)) >= 0:
                for i in range(match.start(int(group)), match.end(int(group))):
                    scopes[i] = scopes[i] | set(capture["name"].split())


def scope_at(tokens, text, scope):
    for line, scopes in tokens:
        col = line.find(text)
        if col >= 0:
            got = scopes[col] if col < len(scopes) else set()
            return scope in {s for s in got if s}, sorted(s for s in got if s)
    return False, "(text not found)"


if grammar:
    tokenizer = Tokenizer(grammar)
    clean = tokenizer.tokenize((ROOT / "examples/clean.vraag").read_text(encoding="utf-8"))
    numbering = tokenizer.tokenize((ROOT / "examples/numbering.vraag").read_text(encoding="utf-8"))
    for tokens, text, scope in [
        (clean, "aan:", "keyword.other.header.vraag"),
        (clean, "Inburgeringsattesten - Erkenning", "markup.heading.title.vraag"),
        (clean, "schriftelijke vraag nr. 123 van 26 januari 2024", "markup.underline.link.citation.vraag"),
        (clean, "123 van 26 januari", "constant.numeric.citation-number.vraag"),
        (clean, "26 januari 2024 wil", "constant.other.date.vraag"),
        (clean, "2. Kan de minister", "constant.numeric.question-number.vraag"),
        (clean, "a) per sector", "constant.character.sub-item.vraag"),
        (numbering, "Inburgeringsattesten - Erkenning", "markup.heading.title.vraag"),
        (numbering, "4. Overweegt", "constant.numeric.question-number.vraag"),
    ]:
        found, got = scope_at(tokens, text, scope)
        ok(found, f"vscode grammar: `{text}` has {scope}", got)
    found, got = scope_at(clean, "In opvolging", "markup.heading.title.vraag")
    ok(not found, "vscode grammar: the introduction is not the title", got)

# --- Sublime Text
load("sublime/LSP.sublime-settings", jsonc)
try:
    import yaml
except ImportError:
    yaml = None
    print("  note: PyYAML missing, Vraag.sublime-syntax not checked")
if yaml:
    syntax = load("sublime/Vraag.sublime-syntax", yaml.safe_load)
    if syntax:
        variables = syntax.get("variables", {})

        def expand(pattern):
            for _ in range(5):
                pattern = re.sub(r"\{\{(\w+)\}\}", lambda m: variables[m.group(1)], pattern)
            return pattern

        ok(syntax["scope"] == "text.vraag" and "vraag" in syntax["file_extensions"], "sublime: text.vraag for *.vraag")
        for name, context in syntax["contexts"].items():
            for index, rule in enumerate(context):
                try:
                    re.compile(expand(rule["match"]))
                except re.error as error:
                    ok(False, f"sublime: {name}[{index}] compiles", error)
        ok(True, "sublime: the syntax's regular expressions compile")

# --- Documentation: relative links and their anchors resolve; settings examples
# use the shape the server reads (rules under `checks`).
def github_slug(heading):
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")


for page in sorted(EDITORS.rglob("*.md")):
    name = page.relative_to(EDITORS)
    for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not ok(linked.exists(), f"{name}: link {target} has a target", linked):
            continue
        if anchor and linked.suffix == ".md":
            slugs = {github_slug(line.lstrip("#")) for line in linked.read_text(encoding="utf-8").splitlines()
                     if line.startswith("#")}
            ok(anchor in slugs, f"{name}: anchor #{anchor} exists in {linked.name}", sorted(slugs))
for example in ["neovim/lua/vraagbaak/init.lua", "neovim/lspconfig.lua", "neovim/README.md", "emacs/README.md",
                "helix/languages.toml", "sublime/LSP.sublime-settings"]:
    for number, line in enumerate((EDITORS / example).read_text(encoding="utf-8").splitlines(), 1):
        if re.search(r"\brules\b", line) and not re.search(r"\bchecks\b", line):
            ok(False, f"{example}:{number}: rules belong under checks", line.strip())
ok(True, "docs: settings examples put rules under checks")

print(f"files: {'passed' if failures == 0 else 'FAILED'}, {failures} failure(s)")
sys.exit(1 if failures else 0)
