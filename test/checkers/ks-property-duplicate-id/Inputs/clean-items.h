// Property items without a defect: no pointer at its #include.
static NTSTATUS GetVolume(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

static const KSPROPERTY_ITEM VolumeItems[] = {
    {1, {GetVolume}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL, NULL, 0},
    {2, {GetVolume}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL, NULL, 0},
};
