//
// propdispatch.cpp - property plumbing shared by both miniports.
//
// PortCls turns every PCPROPERTY_ITEM into a KS item with MinProperty
// sizeof(KSPROPERTY) and MinData 0, so nothing below the port checks the
// sizes of a PortCls property request: the handlers here do.
//
#include "pcaudio.h"

//
// Header in front of PropertyRequest->Instance: node requests carry a
// KSNODEPROPERTY, filter and pin requests a KSPROPERTY.
//
static ULONG PcAudRequestHeaderSize(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    return PropertyRequest->Node == PCFILTER_NODE ? sizeof(KSPROPERTY) : sizeof(KSNODEPROPERTY);
}

NTSTATUS PcAudValidatePropertyRequest(_In_ PPCPROPERTY_REQUEST PropertyRequest,
                                      _In_ ULONG ValueSizeNeeded, _In_ ULONG InstanceSizeNeeded)
{
    if (PropertyRequest->InstanceSize < InstanceSizeNeeded) {
        return STATUS_INVALID_PARAMETER;
    }
    if (PropertyRequest->ValueSize == 0) {
        // Size query: PortCls returns ValueSize as the byte count.
        PropertyRequest->ValueSize = ValueSizeNeeded;
        return STATUS_BUFFER_OVERFLOW;
    }
    if (PropertyRequest->ValueSize < ValueSizeNeeded) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    return STATUS_SUCCESS;
}

LONG PcAudRequestChannel(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    // KSNODEPROPERTY_AUDIO_CHANNEL: the channel follows the KSNODEPROPERTY,
    // which is where PortCls points Instance for node requests.
    if (PropertyRequest->Node == PCFILTER_NODE || PropertyRequest->InstanceSize < sizeof(LONG) ||
        !PropertyRequest->Instance) {
        return -1;
    }
    return *static_cast<const LONG *>(PropertyRequest->Instance);
}

NTSTATUS PcAudBasicSupport(_In_ PPCPROPERTY_REQUEST PropertyRequest, _In_ ULONG AccessFlags)
{
    ULONG access = AccessFlags & (KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT);

    if (PropertyRequest->ValueSize >= sizeof(KSPROPERTY_DESCRIPTION)) {
        PKSPROPERTY_DESCRIPTION description = static_cast<PKSPROPERTY_DESCRIPTION>(PropertyRequest->Value);
        description->AccessFlags = access;
        description->DescriptionSize = sizeof(KSPROPERTY_DESCRIPTION);
        description->PropTypeSet.Set = KSPROPTYPESETID_General;
        description->PropTypeSet.Id = VT_I4;
        description->PropTypeSet.Flags = 0;
        description->MembersListCount = 0;
        description->Reserved = 0;
        PropertyRequest->ValueSize = sizeof(KSPROPERTY_DESCRIPTION);
        return STATUS_SUCCESS;
    }
    if (PropertyRequest->ValueSize >= sizeof(ULONG)) {
        // Short form: the access flags only.
        *static_cast<PULONG>(PropertyRequest->Value) = access;
        PropertyRequest->ValueSize = sizeof(ULONG);
        return STATUS_SUCCESS;
    }
    NTSTATUS status = PropertyRequest->ValueSize == 0 ? STATUS_BUFFER_OVERFLOW : STATUS_BUFFER_TOO_SMALL;
    PropertyRequest->ValueSize = sizeof(KSPROPERTY_DESCRIPTION);
    return status;
}

//
// The one PortCls handler of every PCAUD_PROPERTY_ITEM table.
//
NTSTATUS NTAPI PcAudPropertyDispatch(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    // PortCls hands over the matched entry of the table it walked with
    // PropertyItemSize == sizeof(PCAUD_PROPERTY_ITEM).
    const PCAUD_PROPERTY_ITEM *item =
        CONTAINING_RECORD(PropertyRequest->PropertyItem, PCAUD_PROPERTY_ITEM, Item);

    if (PcAudRequestHeaderSize(PropertyRequest) + PropertyRequest->InstanceSize < item->MinProperty) {
        return STATUS_INVALID_PARAMETER;
    }

    if (PropertyRequest->Verb & KSPROPERTY_TYPE_BASICSUPPORT) {
        if (item->SupportHandler) {
            return item->SupportHandler(PropertyRequest);
        }
        return PcAudBasicSupport(PropertyRequest, item->Item.Flags);
    }

    PCPFNPROPERTY_HANDLER handler = NULL;
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_GET) {
        handler = item->GetHandler;
    } else if (PropertyRequest->Verb & KSPROPERTY_TYPE_SET) {
        handler = item->SetHandler;
    }
    if (!handler) {
        return STATUS_INVALID_DEVICE_REQUEST;
    }

    if (PropertyRequest->ValueSize == 0) {
        PropertyRequest->ValueSize = item->MinData;
        return STATUS_BUFFER_OVERFLOW;
    }
    if (PropertyRequest->ValueSize < item->MinData) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    if (PropertyRequest->Verb & KSPROPERTY_TYPE_GET) {
        // Fixed-size results: the get handler returns MinData bytes.
        PropertyRequest->ValueSize = item->MinData;
    }
    return handler(PropertyRequest);
}
