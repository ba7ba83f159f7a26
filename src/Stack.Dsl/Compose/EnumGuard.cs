namespace Stack.Dsl.Compose;

/// <summary>
/// Refuses an enum value outside its declared members (<c>(PortProtocol)9</c>) where it enters the
/// model, so the error names the user's line instead of surfacing while the files are written.
/// </summary>
internal static class EnumGuard
{
    /// <summary>Returns <paramref name="value"/> when it is unset or one of its type's members.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static T Defined<T>(T value, string name)
    {
        // Boxed on purpose: the non-generic check is precompiled, a generic one per enum is not.
        if (value is Enum member && !Enum.IsDefined(member.GetType(), member))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{value} is not a {member.GetType().Name}; use one of {string.Join(", ", Enum.GetNames(member.GetType()))}.");
        }

        return value;
    }
}
