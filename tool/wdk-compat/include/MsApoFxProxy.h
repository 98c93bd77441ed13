/*
 * kstidy WDK-profile version of <MsApoFxProxy.h> (Windows SDK), which
 * mingw-w64 does not ship. If a real MsApoFxProxy.h is found later on the
 * include path it is used instead.
 *
 * Declares what the msapofxproxy.h reference on learn.microsoft.com lists:
 * the KSPROPSETID_AudioEffectsDiscovery property set (GUID as printed on the
 * "KSPROPSETID_AudioEffectsDiscovery" page), the KSPROPERTY_AUDIOEFFECTSDISCOVERY
 * enumeration and the KSP_PINMODE property descriptor. It needs ks.h
 * (KSP_PIN, DEFINE_GUIDSTRUCT) and includes it. The AUDIO_EFFECT_TYPE_* GUIDs
 * that go with the effects list are ksmedia.h names (see ksmedia.h wrapper).
 */
#if defined(__has_include_next) && __has_include_next(<MsApoFxProxy.h>)
#include_next <MsApoFxProxy.h>
#elif !defined(KSTIDY_WDK_MSAPOFXPROXY_H)
#define KSTIDY_WDK_MSAPOFXPROXY_H

#include <ks.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef STATIC_KSPROPSETID_AudioEffectsDiscovery
#define STATIC_KSPROPSETID_AudioEffectsDiscovery \
  0x0b217a72, 0x16b8, 0x4a4d, 0xbd, 0xed, 0xf9, 0xd6, 0xbb, 0xed, 0xcd, 0x8f
DEFINE_GUIDSTRUCT("0b217a72-16b8-4a4d-bded-f9d6bbedcd8f", KSPROPSETID_AudioEffectsDiscovery);
#define KSPROPSETID_AudioEffectsDiscovery DEFINE_GUIDNAMED(KSPROPSETID_AudioEffectsDiscovery)
#endif

typedef enum {
  KSPROPERTY_AUDIOEFFECTSDISCOVERY_EFFECTSLIST = 1
} KSPROPERTY_AUDIOEFFECTSDISCOVERY;

typedef struct tagKSP_PINMODE {
  KSP_PIN PinProperty;
  GUID AudioProcessingMode;
} KSP_PINMODE, *PKSP_PINMODE;

#ifdef __cplusplus
}
#endif

#endif
