// Shared by Stack.Dsl and Stack.Analyzers as a linked file (see RuleIds.cs); netstandard2.0-safe.
using System;

namespace Stack.Rules;

/// <summary>
/// Which <c>security_opt</c> entries switch off a part of the container's isolation (STK0103), read
/// as the engine reads them: Compose and the docker CLI take <c>systempaths=unconfined</c> only in
/// that exact form; every other entry is split at its first <c>=</c> (or, the older form still
/// accepted, at its first <c>:</c>), keys and profile names compared case-sensitively (dockerd's
/// <c>parseSecurityOpt</c>), and <c>no-new-privileges</c> read with Go's <c>strconv.ParseBool</c>.
/// A variant the engine refuses (<c>Seccomp=unconfined</c>, <c>seccomp= unconfined</c>) is not
/// isolation switched off: the stack fails at <c>up</c>.
/// </summary>
internal static class IsolationOptions
{
    /// <summary>What <paramref name="option"/> switches off, as the rule's message names it; null when it switches off nothing.</summary>
    public static string? SwitchedOff(string option)
    {
        if (option == "systempaths=unconfined")
        {
            return "security_opt systempaths=unconfined (the kernel's /proc and /sys paths unmasked and writable)";
        }

        // dockerd reads two bare words before splitting: "disable" as label=disable, and
        // "writable-cgroups" as writable-cgroups=true (its parseSecurityOpt).
        if (option == "disable")
        {
            return "security_opt disable (SELinux separation disabled: dockerd reads a bare disable as label=disable)";
        }

        if (option == "writable-cgroups")
        {
            return "security_opt writable-cgroups (the cgroup file system writable from the container)";
        }

        // '=' when there is one, else the older ':' (label:level:s0 splits at its first ':').
        var at = option.IndexOf('=');
        at = at >= 0 ? at : option.IndexOf(':');
        if (at < 0)
        {
            return null;
        }

        var key = option.Substring(0, at);
        var value = option.Substring(at + 1);
        return key switch
        {
            "seccomp" when value == "unconfined" => $"security_opt {option} (no seccomp filter: every system call allowed)",
            "apparmor" when value == "unconfined" => $"security_opt {option} (no AppArmor profile)",
            "label" when value == "disable" => $"security_opt {option} (SELinux separation disabled)",
            // SELinux's own unconfined process types: the label is applied, and confines nothing.
            "label" when value is "type:spc_t" or "type:unconfined_t" => $"security_opt {option} (an unconfined SELinux type: no SELinux separation)",
            "writable-cgroups" when IsGoTrue(value) => $"security_opt {option} (the cgroup file system writable from the container)",
            "no-new-privileges" when IsGoFalse(value) => $"security_opt {option} (setuid binaries may gain privileges)",
            _ => null,
        };
    }

    // strconv.ParseBool's false spellings; anything else is true or refused.
    private static bool IsGoFalse(string value) => value is "0" or "f" or "F" or "false" or "FALSE" or "False";

    // strconv.ParseBool's true spellings.
    private static bool IsGoTrue(string value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";
}
