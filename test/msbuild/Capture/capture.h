// kstidy fixture: a ClInclude item (not compiled).
#pragma once
