// Self-test fixture for lsp_diagnostics_test.py, using stock clang-tidy checks
// as stand-ins for the ks-* checks:
//   line 9:  bugprone-sizeof-expression (also in clangd's built-in default set)
//   line 13: modernize-use-nullptr (only runs when .clangd ClangTidy.Add enables it)
// SELFTEST_DECL must come from compile_flags.txt (-DSELFTEST_DECL=static inline),
// which proves that --flag values containing spaces reach the compiler.

SELFTEST_DECL unsigned long suspicious() {
  return sizeof(sizeof(int));
}

SELFTEST_DECL int *null_pointer() {
  int *p = 0;
  return p;
}
