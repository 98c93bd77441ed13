/*
 * kstidy WDK-profile placeholder for <MsApoFxProxy.h> (Windows SDK), which
 * mingw-w64 does not ship.
 *
 * Audio miniports such as the WDK SYSVAD sample include it next to
 * portcls.h, but what they then use from it (the AUDIO_EFFECT_TYPE_* effect
 * GUIDs of the audio-effects-discovery properties) is declared by ksmedia.h.
 * The header's own contents are not described in Microsoft's public
 * documentation, so nothing is declared here: the placeholder only keeps
 * the include from failing. If a real MsApoFxProxy.h is found later on the
 * include path it is used.
 */
#if defined(__has_include_next)
#if __has_include_next(<MsApoFxProxy.h>)
#include_next <MsApoFxProxy.h>
#endif
#endif
