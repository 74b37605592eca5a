namespace IopTelehealth.E2E.Tests.Infrastructure;

/// <summary>
/// The media tests run one at a time: each holds two or three browsers sending video (~0.25 core each) on a 2-core
/// machine, and in parallel they would measure the machine's load instead of the product.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MediaCollection
{
    public const string Name = "media";
}
