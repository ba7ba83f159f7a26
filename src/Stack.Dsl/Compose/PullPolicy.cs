namespace Stack.Dsl.Compose;

/// <summary>When compose pulls a service's image.</summary>
public enum PullPolicy
{
    /// <summary>Pull every time (<c>always</c>).</summary>
    Always,

    /// <summary>Never pull; the image must exist locally (<c>never</c>).</summary>
    Never,

    /// <summary>Pull only when the image is missing (<c>missing</c>, the default).</summary>
    Missing,

    /// <summary>Build the image from <c>build:</c> (<c>build</c>).</summary>
    Build,

    /// <summary>Pull when the local image is older than a day (<c>daily</c>).</summary>
    Daily,

    /// <summary>Pull when the local image is older than a week (<c>weekly</c>).</summary>
    Weekly,
}
