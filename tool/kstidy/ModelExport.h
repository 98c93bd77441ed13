//===- ModelExport.h - The KS model as versioned JSON ---------------------===//
//
// `kstidy --export-model=FILE` writes what kstidy understood of each
// translation unit's tables: item arrays and their entries, set tables,
// automation tables, dispatch calls and what each handler does with its
// buffers. The schema is docs/model.schema.json, explained in docs/model.md,
// and ModelSchema.h as structs; the runtime reference replays it.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_MODELEXPORT_H
#define KSTIDY_TOOL_MODELEXPORT_H

#include "model/KsModel.h"

#include "llvm/Support/JSON.h"

namespace ks {

/// One translation unit's model. Paths under \p BaseDir are written relative
/// to it, so that exports of a checkout compare across machines.
llvm::json::Value exportTranslationUnit(const model::KsModel &Model,
                                        clang::ASTContext &Ctx,
                                        llvm::StringRef MainFile,
                                        llvm::StringRef BaseDir);

/// The whole document around the translation units.
llvm::json::Value exportDocument(llvm::json::Array TranslationUnits);

} // namespace ks

#endif
