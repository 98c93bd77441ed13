// filter.cpp - hands property requests to the KS runtime.
#include "cameratable.h"

NTSTATUS SplitFilterDispatch(PIRP Irp) {
  return KsPropertyHandler(Irp, SIZEOF_ARRAY(SplitCameraSets),
                           SplitCameraSets);
}
