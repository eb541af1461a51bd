-- Real-editor test: Neovim (0.7.2 from Debian, or newer) drives `vraagbaak serve`
-- through the configuration in editors/neovim/ (runtimepath + require("vraagbaak")).
--
--   VRAAGBAAK_BINARY=/path/to/vraagbaak \
--   nvim --headless --clean -u NONE -i NONE -n -c "luafile editors/tests/neovim_test.lua" DIR/numbering.vraag
--
-- DIR must also hold clean.vraag (copies of examples/). Exits 0 when every check
-- passes, else `cquit 1`. Optional: VRAAGBAAK_LOG=FILE (server traffic trace).
local started = vim.loop.hrtime()
local failures = 0
local function log(msg)
  io.stdout:write(msg .. "\n")
end
local function ok(cond, what, detail)
  if cond then
    log("  ok   " .. what)
  else
    failures = failures + 1
    log("  FAIL " .. what .. (detail and (": " .. detail) or ""))
  end
  return cond
end
local function finish()
  log(string.format("neovim: %s, %d failure(s), %.1f s", failures == 0 and "passed" or "FAILED",
    failures, (vim.loop.hrtime() - started) / 1e9))
  local all = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, client in pairs(all()) do client.stop() end
  vim.wait(2000, function() return #all() == 0 end, 20)
  if failures == 0 then vim.cmd("qall!") else vim.cmd("cquit 1") end
end
local function abort(what, detail)
  ok(false, what, detail)
  finish()
end

-- Where we are: editors/tests/neovim_test.lua -> editors/neovim.
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local config_dir = vim.fn.fnamemodify(here .. "/../neovim", ":p")
local binary = os.getenv("VRAAGBAAK_BINARY")
if not binary or vim.fn.executable(binary) ~= 1 then
  abort("VRAAGBAAK_BINARY names an executable", tostring(binary))
  return
end
local cmd = { binary, "serve" }
if os.getenv("VRAAGBAAK_LOG") then
  cmd = { binary, "serve", "--log", os.getenv("VRAAGBAAK_LOG") }
end
local v = vim.version()
log(string.format("NVIM v%d.%d.%d; server %s", v.major, v.minor, v.patch, binary))

-- The user's set-up: editors/neovim on the runtimepath, filetype detection on.
-- With -u NONE, filetype.vim counts as loaded already, so source our ftdetect into
-- its group as filetype.vim does at a normal start-up.
vim.opt.runtimepath:prepend(config_dir)
vim.cmd("filetype on")
vim.cmd("syntax on")
if vim.fn.exists("#filetypedetect#BufRead#*.vraag") == 0 then
  vim.cmd("augroup filetypedetect | runtime! ftdetect/*.vim | augroup END")
end
require("vraagbaak").setup({ cmd = cmd })
vim.cmd("filetype detect") -- the draft given on the command line was read before
local draft_buf = vim.api.nvim_get_current_buf()
local draft_dir = vim.fn.expand("%:p:h")
ok(vim.bo.filetype == "vraag", "ftdetect: *.vraag has filetype vraag", vim.bo.filetype)

-- The syntax file (syntax/vraag.vim): the syntax group at the start of a text.
local function syntax_at(buf, text, offset)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then
      return vim.api.nvim_buf_call(buf, function()
        return vim.fn.synIDattr(vim.fn.synID(i, col + (offset or 0), 1), "name")
      end)
    end
  end
  return "(text not found)"
end
local function syntax_ok(buf, text, group)
  local got = syntax_at(buf, text)
  ok(got == group, "syntax: `" .. text .. "` is " .. group, got)
end
syntax_ok(draft_buf, "aan:", "vraagHeaderKey")
syntax_ok(draft_buf, "Inburgeringsattesten - Erkenning", "vraagTitle")
syntax_ok(draft_buf, "Werkgevers kennen", "")
syntax_ok(draft_buf, "4. Overweegt", "vraagNumber")

local function client_of(buf)
  -- vim.lsp.get_clients is 0.10+; buf_get_clients (0.7) is deprecated there.
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  for _, client in pairs(clients) do
    if client.name == "vraagbaak" then return client end
  end
end
local client
vim.wait(10000, function()
  client = client_of(draft_buf)
  return client ~= nil and client.initialized
end, 20)
if not ok(client ~= nil and client.initialized, "client vraagbaak started, initialized and attached") then
  finish()
  return
end
ok(client.config.root_dir == draft_dir, "root_dir is the draft's folder", tostring(client.config.root_dir))

-- The corpus (the embedded seeds) loads in the background, on a thread of its own:
-- diagnostics of the structure can come first, so hover, completion and definition
-- wait for it.
local function corpus_records()
  local status = vim.lsp.buf_request_sync(draft_buf, "vraagbaak/corpusStatus", nil, 2000)
  local result = status and status[client.id] and status[client.id].result
  return result and result.records
end
vim.wait(15000, function() return corpus_records() == 5 end, 100)
ok(corpus_records() == 5, "the corpus holds the five embedded seeds", tostring(corpus_records()))

local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)))
  end
  table.sort(list)
  return list
end
local function has_code(buf, code)
  return vim.tbl_contains(codes(buf), code)
end

-- 1. Diagnostics pushed for the draft with a planted problem (1, 2, 4).
vim.wait(15000, function() return has_code(draft_buf, "numbering") end, 20)
ok(has_code(draft_buf, "numbering"), "diagnostic `numbering` on numbering.vraag",
  "got: " .. table.concat(codes(draft_buf), ", "))
local numbering
for _, d in ipairs(vim.diagnostic.get(draft_buf)) do
  if d.code == "numbering" then numbering = d end
end
if numbering then
  local line = vim.api.nvim_buf_get_lines(draft_buf, numbering.lnum, numbering.lnum + 1, false)[1]
  ok(line:match("^4%.") ~= nil, "`numbering` points at the line `4. ...`", line)
  ok(numbering.severity == vim.diagnostic.severity.WARN, "`numbering` is a warning")
  ok(numbering.source == "vraagbaak" or numbering.source == nil, "source is vraagbaak", tostring(numbering.source))
end

-- 2. An edit (incremental didChange): renumber 4 -> 3, the finding goes away.
for i, line in ipairs(vim.api.nvim_buf_get_lines(draft_buf, 0, -1, false)) do
  if line:match("^4%. ") then
    vim.api.nvim_buf_set_text(draft_buf, i - 1, 0, i - 1, 1, { "3" })
  end
end
vim.wait(10000, function() return #vim.diagnostic.get(draft_buf) == 0 end, 20)
ok(#vim.diagnostic.get(draft_buf) == 0, "after renumbering 4 -> 3 the diagnostics clear",
  "still: " .. table.concat(codes(draft_buf), ", "))

-- 3. A clean draft in the same folder: same client, no findings, hover, completion.
-- The server publishes (an empty list) once it has checked the draft.
local clean_uri = vim.uri_from_fname(draft_dir .. "/clean.vraag")
local published = false
local handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result and result.uri == clean_uri then published = true end
  return handler(err, result, ctx, config)
end
vim.cmd("edit " .. vim.fn.fnameescape(draft_dir .. "/clean.vraag"))
local clean_buf = vim.api.nvim_get_current_buf()
ok(vim.bo.filetype == "vraag", "clean.vraag has filetype vraag")
syntax_ok(clean_buf, "Inburgeringsattesten - Erkenning", "vraagTitle")
syntax_ok(clean_buf, "datum: 4 maart", "vraagHeaderKey")
syntax_ok(clean_buf, "schriftelijke vraag nr. 123 van 26 januari 2024", "vraagCitation")
syntax_ok(clean_buf, "a) per sector", "vraagSubItem")
syntax_ok(clean_buf, "In opvolging", "")
vim.wait(5000, function() return client_of(clean_buf) ~= nil end, 20)
ok(client_of(clean_buf) ~= nil and client_of(clean_buf).id == client.id,
  "clean.vraag attached to the same client")
vim.wait(10000, function() return published end, 20)
ok(published and #vim.diagnostic.get(clean_buf) == 0, "clean.vraag: diagnostics published, none found",
  "published=" .. tostring(published) .. " got: " .. table.concat(codes(clean_buf), ", "))

-- Hover on the citation `schriftelijke vraag nr. 123 van 26 januari 2024`.
local function find(buf, pattern)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(pattern, 1, true)
    if col then return i, col - 1 end
  end
end
local row, col = find(clean_buf, "nr. 123 van 26 januari 2024")
if ok(row ~= nil, "clean.vraag cites nr. 123") then
  vim.api.nvim_win_set_cursor(0, { row, col + 5 })
  local responses = vim.lsp.buf_request_sync(clean_buf, "textDocument/hover",
    vim.lsp.util.make_position_params(), 5000)
  local response = responses and responses[client.id]
  local result = response and response.result
  local text = ""
  if result and result.contents then
    local contents = result.contents
    text = type(contents) == "string" and contents or (contents.value or vim.inspect(contents))
  end
  ok(text:find("Inburgeringstrajecten", 1, true) ~= nil, "hover on the citation shows the cited title",
    vim.inspect(response))
  ok(result and result.contents and result.contents.kind == "markdown", "hover is markdown (Neovim asks for it)",
    result and vim.inspect(result.contents.kind))
  ok(result and result.range ~= nil, "hover has a range")
end

-- Completion after `vraag nr. ` on a new line.
local last = vim.api.nvim_buf_line_count(clean_buf)
vim.api.nvim_buf_set_lines(clean_buf, last, last, false, { "", "Zie ook vraag nr. " })
local line_count = vim.api.nvim_buf_line_count(clean_buf)
vim.api.nvim_win_set_cursor(0, { line_count, #"Zie ook vraag nr. " })
local params = vim.lsp.util.make_position_params()
params.context = { triggerKind = 2, triggerCharacter = " " }
local responses = vim.lsp.buf_request_sync(clean_buf, "textDocument/completion", params, 5000)
local response = responses and responses[client.id]
local result = response and response.result
local items = result and (result.items or result) or {}
local labels = {}
for _, item in ipairs(items) do table.insert(labels, item.label) end
ok(vim.tbl_contains(labels, "123 van 26 januari 2024"), "completion after `vraag nr. ` offers `123 van 26 januari 2024`",
  vim.inspect(response))

-- Document symbols (the outline), through the same client.
local symbols = vim.lsp.buf_request_sync(clean_buf, "textDocument/documentSymbol",
  { textDocument = vim.lsp.util.make_text_document_params() }, 5000)
local symbol_result = symbols and symbols[client.id] and symbols[client.id].result
ok(type(symbol_result) == "table" and #symbol_result > 0, "documentSymbol returns the outline",
  vim.inspect(symbols))

-- Go to definition on the default corpus (the embedded seeds, no configuration),
-- through the client's own handler: the cited question's read-only copy in the
-- cache folder opens at its title.
local function definition_on_default_corpus(buf)
  local want = "002_e03af9a1a96cd0dc.txt"
  local row, col = find(buf, "nr. 123 van 26 januari 2024")
  if not ok(row ~= nil, "definition: clean.vraag cites nr. 123") then return end
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_win_set_cursor(0, { row, col + 5 })
  vim.lsp.buf.definition()
  vim.wait(10000, function() return vim.api.nvim_buf_get_name(0):sub(-#want) == want end, 20)
  local name = vim.api.nvim_buf_get_name(0)
  ok(name:sub(-#want) == want, "go to definition opens the seed's copy", name)
  ok(name:find("/seeds/", 1, true) ~= nil, "... in the seeds folder of the cache", name)
  local line = vim.api.nvim_get_current_line()
  local cursor = vim.api.nvim_win_get_cursor(0)
  ok(line:find("^Inburgeringstrajecten  %-  Stand van zaken") ~= nil and cursor[2] == 0,
    "... at the title line", line .. " @ " .. vim.inspect(cursor))
  local stat = vim.loop.fs_stat(name)
  local mode = stat and string.format("%o", stat.mode) or "none"
  ok(mode:sub(-3) == "400", "... which is read-only", mode)
  vim.api.nvim_set_current_buf(buf)
end
definition_on_default_corpus(clean_buf)

finish()
