-- Neovim's own LSP client (vim.lsp, Neovim 0.7+) driving kstidy-clangd the
-- way an editor does, with no configuration of any kind (nvim --clean).
-- Started by nvim_test.py; everything comes in through the environment:
--   KSTIDY_NVIM_SERVER  the server binary
--   KSTIDY_NVIM_ROOT    the workspace root
--   KSTIDY_NVIM_FILES   files to open, one per line (relative to the root)
--   KSTIDY_NVIM_FIX     "1": apply the first ks fix-it, then check that its
--                       diagnostic clears and no error appears
--   KSTIDY_NVIM_OUT     where to write the JSON report
--   KSTIDY_NVIM_TIMEOUT seconds to wait for one file's diagnostics
-- The report: { files = { [file] = { diagnostics = [...] } }, fix = {...},
-- error = "..." }. Exit status: 0 once the report is written, 3 otherwise.

local env = vim.env
local root = env.KSTIDY_NVIM_ROOT
local timeout_ms = tonumber(env.KSTIDY_NVIM_TIMEOUT or "120") * 1000
local report = { files = {} }

-- Every publishDiagnostics, by URI: the latest and its document version.
local published = {}

local function write_report()
  local f = assert(io.open(env.KSTIDY_NVIM_OUT, "w"))
  f:write(vim.fn.json_encode(report))
  f:close()
end

local function finish(status)
  pcall(write_report)
  if status == 0 then
    vim.cmd("qall!")
  else
    vim.cmd("cquit " .. status)
  end
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = "kstidy-clangd",
    cmd = { env.KSTIDY_NVIM_SERVER },
    cmd_cwd = root,
    root_dir = root,
    handlers = {
      ["textDocument/publishDiagnostics"] = function(e, result, ctx, config)
        published[result.uri] = {
          version = result.version,
          diagnostics = result.diagnostics,
        }
        return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
      end,
    },
  })
  assert(client_id, "the client did not start")
  local client = vim.lsp.get_client_by_id(client_id)

  -- Opens FILE and waits for the diagnostics of its current version.
  local function open(file)
    vim.cmd("edit " .. vim.fn.fnameescape(root .. "/" .. file))
    local bufnr = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(bufnr, client_id)
    return bufnr, vim.uri_from_bufnr(bufnr)
  end
  local function settle(bufnr, uri)
    local got = vim.wait(timeout_ms, function()
      local p = published[uri]
      local v = vim.lsp.util.buf_versions[bufnr]
      return p ~= nil and (p.version == nil or p.version == v)
    end, 20)
    assert(got, "no diagnostics for " .. uri .. " within the timeout")
    return published[uri].diagnostics
  end

  local buffers = {}
  for file in env.KSTIDY_NVIM_FILES:gmatch("[^\n]+") do
    local bufnr, uri = open(file)
    local diagnostics = settle(bufnr, uri)
    report.files[file] = { diagnostics = diagnostics }
    buffers[file] = { bufnr = bufnr, uri = uri }
  end

  if env.KSTIDY_NVIM_FIX == "1" then
    local fix = { applied = false }
    report.fix = fix
    for file, b in pairs(buffers) do
      for _, d in ipairs(report.files[file].diagnostics) do
        if not fix.applied and type(d.code) == "string" and d.code:match("^ks%-")
            and d.message:match("fix available") then
          local reply = client.request_sync("textDocument/codeAction", {
            textDocument = { uri = b.uri },
            range = d.range,
            context = { diagnostics = { d } },
          }, timeout_ms, b.bufnr)
          assert(reply and reply.result, "no code action reply")
          for _, action in ipairs(reply.result) do
            if action.edit and not fix.applied then
              vim.api.nvim_set_current_buf(b.bufnr)
              vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
              fix.applied = true
              fix.file = file
              fix.title = action.title
              fix.diagnostic = d
            end
          end
          if fix.applied then
            -- The edit is sent as didChange; wait for that version's
            -- diagnostics.
            local after = settle(b.bufnr, b.uri)
            fix.after = after
          end
        end
      end
    end
  end
  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 20)
end)

if not ok then
  report.error = tostring(err)
  finish(3)
else
  finish(0)
end
