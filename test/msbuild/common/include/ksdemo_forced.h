// kstidy fixture: a forced include (ForcedIncludeFiles in KsDemo.props).
#pragma once
#define KSDEMO_FORCED 1
