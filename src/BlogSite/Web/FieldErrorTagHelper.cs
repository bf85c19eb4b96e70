using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BlogSite.Web;

/// <summary>
/// Ties a refused field to its message for screen readers, which ASP.NET's own tag helpers mark only with CSS classes:
/// the message (<c>asp-validation-for</c>) gets an id made from the field's name, and the input, select or textarea
/// (<c>asp-for</c>) gets <c>aria-invalid="true"</c> and that id in its <c>aria-describedby</c>, after any hint already there.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
[HtmlTargetElement("span", Attributes = MessageAttribute)]
public sealed class FieldErrorTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";
    private const string MessageAttribute = "asp-validation-for";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(MessageAttribute)]
    public ModelExpression? MessageFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The id of the message for the field named <paramref name="fullName"/>, e.g. Input_Email-error for Input.Email.</summary>
    public static string MessageId(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (MessageFor is { } message)
        {
            if (!output.Attributes.ContainsName("id"))
            {
                output.Attributes.SetAttribute("id", MessageId(FullName(message)));
            }

            return;
        }

        var name = FullName(For!);
        if (ViewContext.ViewData.ModelState.GetFieldValidationState(name) != ModelValidationState.Invalid)
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var hints = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value?.ToString() : null;
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(hints) ? MessageId(name) : $"{hints} {MessageId(name)}");
    }

    private string FullName(ModelExpression expression) => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
}
