// Property items of a mixer, defined in a header (as PortCls drivers keep
// their *toptable.h): one id repeated.
static NTSTATUS GetLevel(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
static NTSTATUS GetMute(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

static const KSPROPERTY_ITEM MixerItems[] = {
    {1, {GetLevel}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL, NULL, 0},
    {1, {GetMute}, sizeof(KSPROPERTY), sizeof(BOOL), {NULL}, NULL, 0, NULL, NULL, 0},
};
