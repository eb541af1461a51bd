-- Vraagbaak with nvim-lspconfig (https://github.com/neovim/nvim-lspconfig).
-- Put this in your init.lua; ftdetect/vraag.vim (or vim.filetype.add below) gives
-- *.vraag the filetype `vraag`.
--
-- Neovim 0.11+ with its built-in vim.lsp.config (no plugin needed):
--
--   vim.filetype.add({ extension = { vraag = "vraag" } })
--   vim.lsp.config("vraagbaak", {
--     cmd = { "vraagbaak", "serve" },
--     filetypes = { "vraag" },
--     root_markers = { "vraagbaak.json", ".git" },
--   })
--   vim.lsp.enable("vraagbaak")
--
-- Older Neovim (0.7-0.10) with nvim-lspconfig: register a custom server.
local lspconfig = require("lspconfig")
local configs = require("lspconfig.configs")

if vim.filetype and vim.filetype.add then
  vim.filetype.add({ extension = { vraag = "vraag" } })
end

if not configs.vraagbaak then
  configs.vraagbaak = {
    default_config = {
      cmd = { "vraagbaak", "serve" },
      filetypes = { "vraag" },
      root_dir = lspconfig.util.root_pattern("vraagbaak.json", ".git"),
      single_file_support = true,
      -- The `vraagbaak` section the server asks for (keys of vraagbaak.json).
      settings = { vraagbaak = {} },
    },
    docs = {
      description = "Vraagbaak: a language server for drafting written questions (.vraag).",
    },
  }
end

lspconfig.vraagbaak.setup({
  -- cmd = { "/path/to/vraagbaak", "serve", "--log", "/tmp/vraagbaak.log" },
  -- settings = { vraagbaak = { corpus = { "~/vragen" } } },
})
