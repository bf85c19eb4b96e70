using Microsoft.AspNetCore.Http.Metadata;

namespace BlogSite.Web;

/// <summary>
/// A page's own request body limit taken from its options, which a <c>[RequestSizeLimit]</c> constant could not be;
/// added to the page's endpoint by a convention, read by <see cref="FormSizeLimitMiddleware"/>.
/// </summary>
public sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
