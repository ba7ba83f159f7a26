namespace Stack.Tool.Import;

/// <summary>The two forms an import takes.</summary>
internal enum ImportLayout
{
    /// <summary>One stack.cs: variables, networks, volumes and services as locals of Build().</summary>
    SingleFile,

    /// <summary>A project: shared variables, networks and volumes in Common/, one file per service, one per environment.</summary>
    Project,
}

/// <summary>How imported code names what it declares: locals in a single file, members of static classes in a project.</summary>
internal sealed class Naming(ImportLayout layout)
{
    /// <summary>Class names the project's own files take: a service is never named as one.</summary>
    private static readonly HashSet<string> Taken = new(StringComparer.Ordinal) { "Variables", "Networks", "Volumes", "Middlewares", "EntryPoints", "Definition", "Program", "Service" };

    public ImportLayout Layout => layout;

    public string Variable(string name) => layout == ImportLayout.SingleFile ? CSharpCode.Identifier(name) : "Variables." + Member(name);

    public string Network(string name) => layout == ImportLayout.SingleFile ? CSharpCode.Identifier(name) + "Network" : "Networks." + Member(name);

    public string Secret(string name) => layout == ImportLayout.SingleFile ? CSharpCode.Identifier(name) + "Secret" : "Secrets." + Member(name);

    public string Config(string name) => layout == ImportLayout.SingleFile ? CSharpCode.Identifier(name) + "Config" : "Configs." + Member(name);

    public string Volume(string name) => layout == ImportLayout.SingleFile ? CSharpCode.Identifier(name) + "Volume" : "Volumes." + Member(name);

    public string EntryPoint(string name) => layout == ImportLayout.SingleFile ? CSharpCode.Identifier(name) + "EntryPoint" : "EntryPoints." + Member(name);

    public string Middleware(string name) => layout == ImportLayout.SingleFile ? CSharpCode.Identifier(name) + "Middleware" : "Middlewares." + Member(name);

    public string Service(string name) => layout == ImportLayout.SingleFile ? CSharpCode.Identifier(name) : ServiceClass(name) + ".Service";

    /// <summary>The static class holding a service (<c>change-detection</c> is <c>ChangeDetection</c>).</summary>
    public static string ServiceClass(string name) => Member(name) is var pascal && Taken.Contains(pascal) ? pascal + "Service" : pascal;

    /// <summary>A static member's name for a compose name (<c>BASE_HOST</c> is <c>BaseHost</c>).</summary>
    public static string Member(string name) => CSharpCode.Identifier(name, pascal: true);
}
