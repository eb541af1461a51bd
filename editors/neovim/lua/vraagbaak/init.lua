-- Vraagbaak for Neovim's built-in LSP client, without plugins.
-- Works on Neovim 0.7.2 (Debian bookworm: vim.lsp.start_client) and 0.8+ (vim.lsp.start).
--
--   require("vraagbaak").setup()                      -- `vraagbaak` on $PATH
--   require("vraagbaak").setup({ cmd = { "/path/to/vraagbaak", "serve" } })
--
-- Filetype detection comes from ftdetect/vraag.vim (put this folder on 'runtimepath').
local M = {}

M.defaults = {
  name = "vraagbaak",
  cmd = { "vraagbaak", "serve" },
  filetypes = { "vraag" },
  -- The workspace root: the nearest folder up from the draft holding one of these,
  -- else the draft's own folder. vraagbaak.json there holds the settings.
  root_markers = { "vraagbaak.json", ".git" },
  -- Passed as initializationOptions and as the `vraagbaak` settings section (the
  -- keys of vraagbaak.json; rules go under `checks`), e.g.
  -- { corpus = { "~/vragen" }, checks = { rules = { ["citation-form"] = "off" } } }.
  settings = nil,
  on_attach = nil,
  capabilities = nil,
}

M.config = nil
-- Neovim 0.7: the clients we started, by root folder (0.8+ reuses them itself).
local clients_by_root = {}

local function dirname(path)
  return vim.fn.fnamemodify(path, ":h")
end

function M.root_dir(path, markers)
  markers = markers or (M.config or M.defaults).root_markers
  local start = dirname(vim.fn.fnamemodify(path, ":p"))
  for _, marker in ipairs(markers) do
    local found = vim.fn.findfile(marker, start .. ";")
    if found == "" then found = vim.fn.finddir(marker, start .. ";") end
    if found ~= "" then return dirname(vim.fn.fnamemodify(found, ":p:s?/$??")) end
  end
  return start
end

local function client_config(root)
  local c = M.config
  return {
    name = c.name,
    cmd = c.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = c.settings,
    settings = c.settings and { vraagbaak = c.settings } or nil,
    capabilities = c.capabilities or vim.lsp.protocol.make_client_capabilities(),
    on_attach = c.on_attach,
  }
end

-- Starts (or reuses) the client for the draft in buffer `bufnr` and attaches it.
-- Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local path = vim.api.nvim_buf_get_name(bufnr)
  local root = M.root_dir(path ~= "" and path or vim.fn.getcwd() .. "/x")
  if vim.lsp.start then
    -- Neovim 0.8+: reuses a running client with the same name and root_dir.
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = clients_by_root[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(client_config(root))
    clients_by_root[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", {}, M.defaults, opts or {})
  local group = vim.api.nvim_create_augroup("vraagbaak", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
  -- Buffers that already have the filetype (setup called late).
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M
