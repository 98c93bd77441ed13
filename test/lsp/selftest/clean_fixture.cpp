// Self-test fixture for lsp_diagnostics_test.py: the same shapes as
// sizeof_fixture.cpp without the findings, so neither
// bugprone-sizeof-expression nor modernize-use-nullptr may be published.
// SELFTEST_DECL comes from compile_flags.txt (-DSELFTEST_DECL=static inline).

SELFTEST_DECL unsigned long fine() {
  return sizeof(int);
}

SELFTEST_DECL int *null_pointer() {
  int *p = nullptr;
  return p;
}
