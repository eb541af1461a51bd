-- Real-editor test (issue 14, text as people write it): Neovim 0.7.2+ drives
-- `vraagbaak serve` through editors/neovim, on the drafts in editors/tests/drafts:
--   1. a draft pasted from a word processor (no-break spaces, a tab, soft hyphens, a
--      zero-width space, curly quotes) gets the findings of its plain twin;
--   2. a quick fix applied through the client's workspace edit;
--   3. source.fixAll on a draft with several defects, applied, then asked again:
--      nothing left to do (idempotent), the guesses left for the member.
--
--   VRAAGBAAK_BINARY=/path/to/vraagbaak \
--   nvim --headless --clean -u NONE -i NONE -n -c "luafile editors/tests/neovim_text_test.lua" DIR/plain.vraag
--
-- DIR holds copies of editors/tests/drafts. Exits 0 when every check passes, else `cquit 1`.
local started = vim.loop.hrtime()
local failures = 0
local function log(msg) io.stdout:write(msg .. "\n") end
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
  log(string.format("neovim (text): %s, %d failure(s), %.1f s", failures == 0 and "passed" or "FAILED",
    failures, (vim.loop.hrtime() - started) / 1e9))
  local all = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, client in pairs(all()) do client.stop() end
  vim.wait(2000, function() return #all() == 0 end, 20)
  if failures == 0 then vim.cmd("qall!") else vim.cmd("cquit 1") end
end

local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local config_dir = vim.fn.fnamemodify(here .. "/../neovim", ":p")
local binary = os.getenv("VRAAGBAAK_BINARY")
if not binary or vim.fn.executable(binary) ~= 1 then
  ok(false, "VRAAGBAAK_BINARY names an executable", tostring(binary))
  finish()
  return
end
local cmd = { binary, "serve" }
if os.getenv("VRAAGBAAK_LOG") then cmd = { binary, "serve", "--log", os.getenv("VRAAGBAAK_LOG") } end

vim.opt.runtimepath:prepend(config_dir)
vim.cmd("filetype on")
if vim.fn.exists("#filetypedetect#BufRead#*.vraag") == 0 then
  vim.cmd("augroup filetypedetect | runtime! ftdetect/*.vim | augroup END")
end
require("vraagbaak").setup({ cmd = cmd })
vim.cmd("filetype detect")
local dir = vim.fn.expand("%:p:h")

-- Publications per file, to tell "checked, nothing found" from "not checked yet".
local published = {}
local handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result then published[result.uri] = (published[result.uri] or 0) + 1 end
  return handler(err, result, ctx, config)
end

local function client_of(buf)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  for _, client in pairs(clients) do
    if client.name == "vraagbaak" then return client end
  end
end
local function code_of(d)
  return tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code))
end
-- What the member reads: code, severity and message, sorted.
local function seen(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, code_of(d) .. " " .. tostring(d.severity) .. " " .. d.message)
  end
  table.sort(list)
  return list
end
local function has_code(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == code then return d end
  end
end
local function open(name)
  vim.cmd("edit " .. vim.fn.fnameescape(dir .. "/" .. name))
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(10000, function() local c = client_of(buf); return c ~= nil and c.initialized end, 20)
  return buf, vim.uri_from_bufnr(buf)
end
local function text_of(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") .. "\n"
end
local function read_file(path)
  local file = io.open(path, "rb")
  if not file then return nil end
  local content = file:read("*a")
  file:close()
  return content
end

-- 1. The pasted draft and its plain twin: the same findings.
local plain_buf, plain_uri = open("plain.vraag")
local client = client_of(plain_buf)
if not ok(client ~= nil and client.initialized, "client vraagbaak started and attached") then
  finish()
  return
end
vim.wait(15000, function() return has_code(plain_buf, "numbering") ~= nil and has_code(plain_buf, "title-punctuation") ~= nil end, 20)
local plain = seen(plain_buf)
ok(#plain == 2, "plain.vraag: numbering and title-punctuation", table.concat(plain, "; "))
local pasted_buf, pasted_uri = open("pasted.vraag")
ok(text_of(pasted_buf):find("\194\160", 1, true) ~= nil and text_of(pasted_buf):find("\194\173", 1, true) ~= nil,
  "pasted.vraag holds no-break spaces and soft hyphens")
vim.wait(15000, function() return (published[pasted_uri] or 0) > 0 and #seen(pasted_buf) >= #plain end, 20)
local pasted = seen(pasted_buf)
ok(vim.deep_equal(pasted, plain), "pasted.vraag gets exactly the findings of plain.vraag",
  "pasted: " .. table.concat(pasted, "; ") .. " | plain: " .. table.concat(plain, "; "))

-- 2. A quick fix applied: renumber on plain.vraag, through the client's edit.
local function code_actions(buf, range, diagnostics, only)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = range,
    context = { diagnostics = diagnostics, only = only },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 5000)
  local response = responses and responses[client.id]
  local failure = response and (response.err or response.error)
  if failure then log("  codeAction error: " .. vim.inspect(failure)) end
  return (response and response.result) or {}
end

-- As vim.lsp.buf.code_action() does: an action offered without its edit (the server
-- makes fix-all's edit on demand) is completed with codeAction/resolve.
local function resolved(buf, action)
  if action.edit ~= nil or action.data == nil then return action end
  local responses = vim.lsp.buf_request_sync(buf, "codeAction/resolve", action, 15000)
  local response = responses and responses[client.id]
  local failure = response and (response.err or response.error)
  if failure then log("  codeAction/resolve error: " .. vim.inspect(failure)) end
  return (response and response.result) or action
end
vim.api.nvim_set_current_buf(plain_buf)
local numbering = has_code(plain_buf, "numbering")
if ok(numbering ~= nil, "plain.vraag has a numbering finding") then
  -- As vim.lsp.buf.code_action() builds its context: the line's diagnostics in LSP form.
  local lsp_diagnostic
  for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(plain_buf, numbering.lnum)) do
    if d.code == "numbering" then lsp_diagnostic = d end
  end
  local range = lsp_diagnostic and lsp_diagnostic.range
    or { start = { line = numbering.lnum, character = numbering.col },
         ["end"] = { line = numbering.end_lnum, character = numbering.end_col } }
  local actions = code_actions(plain_buf, range, { lsp_diagnostic }, { "quickfix" })
  local renumber
  for _, action in ipairs(actions) do
    if action.edit and action.title:find("hernummeren", 1, true) then renumber = action end
  end
  local titles = {}
  for _, action in ipairs(actions) do table.insert(titles, action.title) end
  ok(vim.tbl_contains(titles, "Deze melding negeren in dit ontwerp"), "every finding offers to silence it",
    table.concat(titles, "; "))
  if ok(renumber ~= nil, "a renumbering quick fix is offered", vim.inspect(actions)) then
    vim.lsp.util.apply_workspace_edit(renumber.edit, client.offset_encoding or "utf-16")
    vim.wait(10000, function() return has_code(plain_buf, "numbering") == nil end, 20)
    ok(has_code(plain_buf, "numbering") == nil, "after the quick fix the numbering finding is gone",
      table.concat(seen(plain_buf), "; "))
    ok(text_of(plain_buf):find("\n3. Overweegt", 1, true) ~= nil, "the fix wrote 3. in the buffer")
  end
end

-- 2b. Silence one finding: the quick fix's command writes vraagbaak.json, never the draft.
local punctuation = has_code(plain_buf, "title-punctuation")
if ok(punctuation ~= nil, "plain.vraag has a title-punctuation finding") then
  local lsp_diagnostic
  for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(plain_buf, punctuation.lnum)) do
    if d.code == "title-punctuation" then lsp_diagnostic = d end
  end
  local silence
  for _, action in ipairs(code_actions(plain_buf, lsp_diagnostic.range, { lsp_diagnostic }, { "quickfix" })) do
    if action.command and action.title == "Deze melding negeren in dit ontwerp" then silence = action end
  end
  if ok(silence ~= nil, "the silence quick fix carries a command") then
    local before = text_of(plain_buf)
    -- As Neovim runs a code action's command that it does not know itself.
    local command = type(silence.command) == "table" and silence.command or silence
    local response = client.request_sync("workspace/executeCommand",
      { command = command.command, arguments = command.arguments }, 5000, plain_buf)
    ok(response ~= nil and response.err == nil, "workspace/executeCommand answered", vim.inspect(response))
    vim.wait(10000, function() return has_code(plain_buf, "title-punctuation") == nil end, 20)
    ok(has_code(plain_buf, "title-punctuation") == nil, "the silenced finding is gone", table.concat(seen(plain_buf), "; "))
    ok(text_of(plain_buf) == before, "the draft is untouched")
    local json = read_file(dir .. "/vraagbaak.json") or ""
    ok(json:find('"plain.vraag"', 1, true) ~= nil and json:find('"title-punctuation"', 1, true) ~= nil,
      "vraagbaak.json holds the entry for plain.vraag", json)
  end
end

-- 3. source.fixAll on a draft with several defects; then again: nothing to do.
local fix_buf, fix_uri = open("fixall.vraag")
vim.wait(15000, function()
  return has_code(fix_buf, "item-empty") ~= nil and has_code(fix_buf, "citation-date-mismatch") ~= nil
end, 20)
ok(#seen(fix_buf) >= 7, "fixall.vraag has its defects", table.concat(seen(fix_buf), "; "))
local whole = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } }
local actions = code_actions(fix_buf, whole, {}, { "source.fixAll" })
if ok(#actions == 1 and actions[1].kind == "source.fixAll", "one source.fixAll action", vim.inspect(actions)) then
  vim.lsp.util.apply_workspace_edit(resolved(fix_buf, actions[1]).edit, client.offset_encoding or "utf-16")
  local expected = read_file(dir .. "/fixall.expected")
  ok(text_of(fix_buf) == expected, "fixAll leaves the expected text", text_of(fix_buf))
  vim.wait(15000, function()
    return has_code(fix_buf, "numbering") == nil and has_code(fix_buf, "date-impossible") ~= nil
      and has_code(fix_buf, "citation-date-mismatch") ~= nil and #seen(fix_buf) == 2
  end, 20)
  ok(#seen(fix_buf) == 2 and has_code(fix_buf, "date-impossible") ~= nil and has_code(fix_buf, "citation-date-mismatch") ~= nil,
    "left: the guesses (31 februari, the cited date)", table.concat(seen(fix_buf), "; "))
  local again = code_actions(fix_buf, whole, {}, { "source.fixAll" })
  ok(#again == 0, "fixAll again: nothing left to do (idempotent)", vim.inspect(again))
end

finish()
