using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Stack.Rules;

namespace Stack.Analyzers.Tracing;

/// <summary>
/// What the DSL's service methods do to the security facts (STK0100-STK0107). Only constant
/// arguments prove anything; any other value makes the fact unknown, and the runtime check decides.
/// </summary>
internal sealed class SecurityEffects
{
    private static readonly FactKind[] Accepted =
    [
        FactKind.AcceptedWritableDockerSocket, FactKind.AcceptedDaemonSocket, FactKind.AcceptedHostPrivilege,
        FactKind.AcceptedDangerousCapability, FactKind.AcceptedDatabasePortPublished, FactKind.AcceptedPortOnAllInterfaces, FactKind.AcceptedUnpinnedImage,
    ];

    private readonly ValueTracer _tracer;

    public SecurityEffects(ValueTracer tracer) => _tracer = tracer;

    // The calls whose findings the generator reports at the call (its caller information), and their facts.
    private static readonly FactKind[] ImageKinds = [FactKind.UnpinnedImage, FactKind.DatabaseImage];
    private static readonly FactKind[] PortKinds = [FactKind.PublishedPort, FactKind.PortOnAllInterfaces, FactKind.PortOnHostAddress];
    private static readonly FactKind[] MountKinds = [FactKind.WritableDockerSocket, FactKind.DaemonSocket];
    private static readonly FactKind[] CapabilityKinds = [FactKind.DangerousCapability];
    private static readonly FactKind[] OptionKinds = [FactKind.IsolationOff];

    /// <summary>
    /// Applies the call, and keeps where it made a fact true: the first call for a fact that only
    /// grows (a port, a mount: the generator names the first), the last <c>WithImage</c> for the image.
    /// </summary>
    public FactSet Apply(IInvocationOperation invocation, FactSet facts, Bindings scope, ValueTracer.Walk walk)
    {
        var applied = ApplyCore(invocation, facts, scope, walk);
        var name = invocation.TargetMethod.Name;
        var kinds = name switch { "WithImage" => ImageKinds, "WithPort" => PortKinds, "WithBind" => MountKinds, "WithCapAdd" => CapabilityKinds, "WithSecurityOpt" => OptionKinds, _ => null };
        if (kinds is null)
        {
            return applied;
        }

        Microsoft.CodeAnalysis.Location? call = null;
        foreach (var kind in kinds)
        {
            if (applied[kind] == Fact.Yes && (facts[kind] != Fact.Yes || kinds == ImageKinds))
            {
                applied = applied.WithSite(kind, call ??= StackServices.CallLocation(invocation.Syntax));
            }
        }

        return applied;
    }

    private FactSet ApplyCore(IInvocationOperation invocation, FactSet facts, Bindings scope, ValueTracer.Walk walk)
    {
        IOperation? Argument(string name)
        {
            // A loop, not LINQ: called at every step of every chain, where a lambda's closure is an allocation each time.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
                }
            }

            return null;
        }

        switch (invocation.TargetMethod.Name)
        {
            case "WithImage":
                return Image(facts, ValueTracer.ConstantString(Unconverted(Argument("image")), scope));
            case "WithBuild":
                return facts.With(FactKind.BuiltImage, Fact.Yes); // WithBuild refuses null
            case "WithPort" when invocation.TargetMethod.Parameters[0].Type.Name == "PortMapping":
                return facts.Add(FactKind.PublishedPort, Fact.Unknown).Add(FactKind.PortOnAllInterfaces, Fact.Unknown).Add(FactKind.PortOnHostAddress, Fact.Unknown);
            case "WithPort":
                var detail = PortText(Argument("published"), Argument("target"), Argument("hostIp"), Argument("protocol"));
                return facts.AddToList(FactKind.PublishedPort, Fact.Yes, detail).AddToList(FactKind.PortOnAllInterfaces, AllInterfaces(Argument("hostIp")), detail)
                    .AddToList(FactKind.PortOnHostAddress, AllInterfaces(Argument("hostIp")) switch { Fact.Yes => Fact.No, Fact.No => Fact.Yes, _ => Fact.Unknown }, detail);
            case "MapPorts":
                // Any port may have changed, its address included.
                return facts.With(FactKind.PublishedPort, Fact.Unknown).With(FactKind.PortOnAllInterfaces, Fact.Unknown).With(FactKind.PortOnHostAddress, Fact.Unknown);
            case "WithBind":
                return Bind(facts, Argument("source"), Argument("readOnly"), scope);
            case "WithMount":
                return facts.Add(FactKind.WritableDockerSocket, Fact.Unknown).Add(FactKind.DaemonSocket, Fact.Unknown);
            case "WithNetworkMode":
                return facts.With(FactKind.HostNetwork, HostNetwork(Argument("mode")));
            case "WithField" when ValueTracer.ConstantString(Argument("key"), scope) is { } key:
                return key == "privileged" ? facts.With(FactKind.Privileged, ConstantBool(Argument("value"))) : facts;
            case "WithField":
                return facts.With(FactKind.Privileged, Fact.Unknown);
            case "WithPrivileged":
                return facts.With(FactKind.Privileged, Argument("privileged") is { } privileged ? ConstantBool(privileged) : Fact.Yes);
            case "WithPid" or "WithIpc" or "WithUts" or "WithUsernsMode":
                return Namespace(facts, invocation.TargetMethod.Name, Argument("mode"));
            case "WithApiSocket":
                return facts.Add(FactKind.WritableDockerSocket, Argument("enabled") is { } enabled ? ConstantBool(enabled) : Fact.Yes, "the Docker socket /var/run/docker.sock (through use_api_socket: true)");
            case "WithCapAdd":
                return Capabilities(facts, Argument("capabilities"), scope, walk);
            case "WithSecurityOpt":
                return SecurityOptions(facts, Argument("options"), scope, walk);
            case "WithEnvironment":
                return Environment(facts, invocation, Argument("name"), Argument("value"), scope);
            case "AcceptRisk":
                return Accept(facts, Argument("risk"));
            case "AcceptLiteralSecret":
                return ValueTracer.ConstantString(Argument("name"), scope) is { } accepted && facts.AcceptedSecrets is { } names
                    ? facts.WithAcceptedSecrets(names.Add(accepted))
                    : facts.WithAcceptedSecrets(null);
            default:
                return facts;
        }
    }

    /// <summary>A <c>with</c> expression or initializer sets a property.</summary>
    public static FactSet ApplyProperty(FactSet facts, string property, IOperation value) => property switch
    {
        "Build" => facts.With(FactKind.BuiltImage, Fact.Unknown),
        "Image" => Image(facts, ValueTracer.ConstantString(Unconverted(value), Bindings.None)),
        "Ports" => facts.With(FactKind.PublishedPort, Fact.Unknown).With(FactKind.PortOnAllInterfaces, Fact.Unknown).With(FactKind.PortOnHostAddress, Fact.Unknown),
        "Volumes" => facts.With(FactKind.WritableDockerSocket, Fact.Unknown).With(FactKind.DaemonSocket, Fact.Unknown),
        "NetworkMode" => facts.With(FactKind.HostNetwork, HostNetwork(value)),
        "ExtraFields" => facts.With(FactKind.Privileged, Fact.Unknown).With(FactKind.IsolationOff, Fact.Unknown),
        "SecurityOpt" => facts.With(FactKind.IsolationOff, Fact.Unknown),
        "Privileged" => facts.With(FactKind.Privileged, ConstantBool(value)),
        "Pid" or "Ipc" or "Uts" or "UsernsMode" => facts.With(FactKind.HostNamespace, Fact.Unknown),
        "UseApiSocket" => facts.With(FactKind.WritableDockerSocket, Fact.Unknown),
        "CapAdd" => facts.With(FactKind.DangerousCapability, Fact.Unknown),
        "Environment" => facts.WithLiteralSecrets(null),
        "AcceptedRisks" => Accepted.Aggregate(facts, (current, kind) => current.With(kind, Fact.Unknown)).WithAcceptedSecrets(null),
        _ => facts,
    };

    private static FactSet Image(FactSet facts, string? image)
    {
        if (image is null)
        {
            return facts.With(FactKind.UnpinnedImage, Fact.Unknown).With(FactKind.DatabaseImage, Fact.Unknown);
        }

        // The details only name a risk in its message: written for a risk, not for every image.
        var reference = ImageReference.Parse(image);
        var unpinned = reference.IsUnpinned;
        var database = HostRisks.IsDatabaseImage(reference);
        return facts
            .With(FactKind.UnpinnedImage, FactLogic.Of(unpinned), unpinned ? reference.Repository + "\n" + reference.TagProblem : null)
            .With(FactKind.DatabaseImage, FactLogic.Of(database), database ? reference.Name : null);
    }

    private static FactSet Bind(FactSet facts, IOperation? source, IOperation? readOnly, Bindings scope)
    {
        // HostPath.Absolute("/var/run/docker.sock"): the DSL's factory with a constant path.
        var path = ValueTracer.Unwrap(source) is IInvocationOperation { TargetMethod.Name: "Absolute" } absolute && absolute.Arguments.Length == 1
            ? ValueTracer.ConstantString(Unconverted(absolute.Arguments[0].Value), scope)
            : null;
        var readOnlyFact = readOnly is null ? Fact.No : ConstantBool(readOnly);
        if (path is null || readOnlyFact == Fact.Unknown)
        {
            return facts.Add(FactKind.WritableDockerSocket, Fact.Unknown).Add(FactKind.DaemonSocket, Fact.Unknown);
        }

        return HostRisks.IsDockerSocket(path) && readOnlyFact == Fact.No
            ? facts.Add(FactKind.WritableDockerSocket, Fact.Yes, HostRisks.DescribeSocketMount(path, docker: true))
            : facts.Add(FactKind.DaemonSocket, FactLogic.Of(HostRisks.IsDaemonSocket(path)), HostRisks.DescribeSocketMount(path, docker: HostRisks.IsDockerSocket(path)));
    }

    private FactSet Capabilities(FactSet facts, IOperation? capabilities, Bindings scope, ValueTracer.Walk walk)
    {
        if (_tracer.Elements(capabilities, scope, walk) is not { } elements)
        {
            return facts.Add(FactKind.DangerousCapability, Fact.Unknown);
        }

        var names = elements.Select(e => ValueTracer.ConstantString(e.Value, e.Scope)).ToList();
        if (names.Any(n => n is null))
        {
            return facts.Add(FactKind.DangerousCapability, Fact.Unknown);
        }

        var dangerous = names.Where(n => HostRisks.IsDangerousCapability(n!)).ToList();
        return facts.Add(FactKind.DangerousCapability, FactLogic.Of(dangerous.Count > 0), string.Join(", ", dangerous));
    }

    /// <summary>WithSecurityOpt(...): proven when every option is a constant; the detail lists those that switch isolation off.</summary>
    private FactSet SecurityOptions(FactSet facts, IOperation? options, Bindings scope, ValueTracer.Walk walk)
    {
        var texts = _tracer.Elements(options, scope, walk)?.Select(e => ValueTracer.ConstantString(e.Value, e.Scope)).ToList();
        if (texts is null || texts.Any(t => t is null))
        {
            return facts.Add(FactKind.IsolationOff, Fact.Unknown);
        }

        var off = texts.Select(t => IsolationOptions.SwitchedOff(t!)).Where(d => d is not null).ToList();
        return facts.Add(FactKind.IsolationOff, FactLogic.Of(off.Count > 0), string.Join(" and ", off));
    }

    /// <summary>Tracks which secret-looking variables hold literals: a later non-literal value for the same name clears it.</summary>
    private static FactSet Environment(FactSet facts, IInvocationOperation invocation, IOperation? nameOperation, IOperation? value, Bindings scope)
    {
        var name = ValueTracer.ConstantString(nameOperation, scope);
        if (name is null)
        {
            return facts.WithLiteralSecrets(null); // Could be any name: nothing is proven any more.
        }

        if (facts.LiteralSecrets is not { } secrets || !SecretNames.LooksSecret(name))
        {
            return facts;
        }

        var type = invocation.TargetMethod.Parameters.Length > 1 ? invocation.TargetMethod.Parameters[1].Type : null;
        var literal = type?.Name == "ComposeString" ? Literal(name, value, scope)
            : type?.SpecialType == SpecialType.System_Int64 ? Number(name, value)
            : Fact.Unknown;
        return literal switch
        {
            Fact.Yes => facts.WithLiteralSecrets(secrets.Add(name)).WithSecretSite(name, StackServices.CallLocation(invocation.Syntax)),
            Fact.No => facts.WithLiteralSecrets(secrets.Remove(name)),
            _ => facts.WithLiteralSecrets(null),
        };
    }

    /// <summary>
    /// A number is written as its digits, and is a secret as the runtime decides it
    /// (<see cref="SecretNames.CouldBeSecret"/>): under a name whose last word is a secret's (a PIN).
    /// </summary>
    private static Fact Number(string name, IOperation? value) =>
        Unconverted(value) is { ConstantValue: { HasValue: true, Value: { } number } } && number is int or long or short or byte or uint or ushort or sbyte
            ? FactLogic.Of(SecretNames.CouldBeSecret(name, System.Convert.ToString(number, System.Globalization.CultureInfo.InvariantCulture)))
            : Fact.Unknown;

    /// <summary>A non-empty constant string, or an interpolated string without holes, is literal; a Variable is not.</summary>
    private static Fact Literal(string name, IOperation? value, Bindings scope)
    {
        var operand = Unconverted(value);
        if (ValueTracer.ConstantString(operand, scope) is { } text)
        {
            return FactLogic.Of(SecretNames.CouldBeSecret(name, text));
        }

        return operand switch
        {
            IInterpolatedStringOperation interpolated => FactLogic.Of(interpolated.Parts.All(p => p is IInterpolatedStringTextOperation)),
            { Type.Name: "Variable" } => Fact.No,
            _ => Fact.Unknown,
        };
    }

    private static FactSet Accept(FactSet facts, IOperation? risk)
    {
        var operand = ValueTracer.Unwrap(risk);
        if (operand is IFieldReferenceOperation { Field: { HasConstantValue: true } field }
            && System.Enum.TryParse<FactKind>("Accepted" + field.Name, out var kind))
        {
            // A literal secret is accepted by name; AcceptRisk refuses it at run time.
            return kind == FactKind.AcceptedLiteralSecret ? facts : facts.With(kind, Fact.Yes);
        }

        return Accepted.Aggregate(facts, (current, accepted) => current.Add(accepted, Fact.Unknown));
    }

    /// <summary>
    /// The port as the generator's messages write it (<c>[ip:]published:target[/protocol]</c>, as
    /// compose's short syntax), when every part is a constant; null otherwise.
    /// </summary>
    private static string? PortText(IOperation? published, IOperation? target, IOperation? hostIp, IOperation? protocol)
    {
        if (Unconverted(published) is not { ConstantValue: { HasValue: true, Value: int from } } || Unconverted(target) is not { ConstantValue: { HasValue: true, Value: int to } })
        {
            return null;
        }

        var ip = ValueTracer.Unwrap(hostIp) switch
        {
            null or { ConstantValue: { HasValue: true, Value: null } } => string.Empty,
            IFieldReferenceOperation { Field.Name: "Loopback" } => "127.0.0.1:",
            IFieldReferenceOperation { Field.Name: "IPv6Loopback" } => "[::1]:",
            IFieldReferenceOperation { Field.Name: "Any" } => "0.0.0.0:",
            IFieldReferenceOperation { Field.Name: "IPv6Any" } => "[::]:",
            var other => Parsed(other) is { } address
                ? (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]:" : $"{address}:")
                : null,
        };
        var suffix = ValueTracer.Unwrap(protocol) switch
        {
            null => string.Empty,
            IFieldReferenceOperation { Field: { Name: var name, HasConstantValue: true } } => name == "Tcp" ? string.Empty : "/" + name.ToLowerInvariant(),
            _ => null,
        };
        return ip is null || suffix is null ? null : $"{ip}{from}:{to}{suffix}";
    }

    private static Fact AllInterfaces(IOperation? hostIp) => ValueTracer.Unwrap(hostIp) switch
    {
        null => Fact.Yes, // not passed: every interface
        { ConstantValue: { HasValue: true, Value: null } } => Fact.Yes,
        IFieldReferenceOperation { Field.Name: "Any" or "IPv6Any" } => Fact.Yes,
        IFieldReferenceOperation { Field.Name: "Loopback" or "IPv6Loopback" } => Fact.No,
        var other => Parsed(other) is { } address ? FactLogic.Of(address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any)) : Fact.Unknown,
    };

    /// <summary><c>IPAddress.Parse("0.0.0.0")</c> with a constant: the address the runtime gets.</summary>
    private static System.Net.IPAddress? Parsed(IOperation? operation) =>
        operation is IInvocationOperation { TargetMethod: { Name: "Parse", ContainingType.Name: "IPAddress" } parse } call && call.Arguments.Length == 1
            && parse.Parameters[0].Type.SpecialType == SpecialType.System_String
            && ValueTracer.ConstantString(call.Arguments[0].Value, Bindings.None) is { } text && System.Net.IPAddress.TryParse(text, out var address)
            ? address
            : null;

    /// <summary>WithPid(NamespaceMode.Host) and its kin: the host's namespace, named in the detail.</summary>
    private static FactSet Namespace(FactSet facts, string method, IOperation? mode)
    {
        var key = method switch { "WithPid" => "pid", "WithIpc" => "ipc", "WithUts" => "uts", _ => "userns_mode" };
        var fact = ValueTracer.Unwrap(mode) switch
        {
            IPropertyReferenceOperation { Property.Name: "Host" } => Fact.Yes,
            IPropertyReferenceOperation { Property.Name: "Private" or "Shareable" } or IInvocationOperation { TargetMethod.Name: "OfService" } => Fact.No,
            _ => Fact.Unknown,
        };
        return facts.Add(FactKind.HostNamespace, fact, $"the host's {key} namespace ({key}: host)");
    }

    private static Fact HostNetwork(IOperation? mode) => ValueTracer.Unwrap(mode) switch
    {
        IPropertyReferenceOperation { Property.Name: "Host" } => Fact.Yes,
        IPropertyReferenceOperation { Property.Name: "None" or "Bridge" } or IInvocationOperation { TargetMethod.Name: "OfService" } => Fact.No,
        _ => Fact.Unknown,
    };

    private static Fact ConstantBool(IOperation? value) =>
        Unconverted(value) is { ConstantValue: { HasValue: true, Value: bool flag } } ? FactLogic.Of(flag) : Fact.Unknown;

    /// <summary>Looks through the DSL's implicit conversions too (string to ComposeString, bool to YamlValue).</summary>
    private static IOperation? Unconverted(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
