package dev.newsbeam.byline;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Author;
import dev.newsbeam.schema.Dateline;
import java.util.ArrayList;
import java.util.List;

/**
 * Who wrote one article, for whom and from where: combines {@link BylineParser}, {@link
 * DatelineParser} and {@link CreditLineParser} for an article's raw byline, body and JSONL source.
 * Pure and thread-safe; a bug throws (the pipeline makes it a {@code stage_failed} error, not an
 * odd parse).
 */
public final class ArticleBylines {

  /**
   * Everything parsed for one article.
   *
   * @param authors byline authors (role author) first, then the byline's other roles, then the
   *     credit-line people, each in order of appearance
   * @param outlet the byline outlet, else the dateline agency, else the canonical JSONL source,
   *     else the raw source; null when none is known
   * @param dateline the dateline removed from the body, or null
   * @param body the body without dateline, credit lines and wire sign-off
   * @param byline the byline parse (status {@code UNPARSED} means the raw byline could not be read)
   * @param creditLines how many credit lines were removed
   * @param signOffRemoved whether a Reuters-21578 "Reuter" sign-off was removed
   */
  public record Result(
      List<Person> authors,
      String outlet,
      ParsedDateline dateline,
      String body,
      ParsedByline byline,
      int creditLines,
      boolean signOffRemoved) {

    /** Whether a non-blank byline yielded nothing recognisable. */
    public boolean bylineUnparsed() {
      return byline.status() == ParsedByline.Status.UNPARSED;
    }

    /** The people as output {@link Author} records. */
    public List<Author> authorRecords() {
      List<Author> out = new ArrayList<>(authors.size());
      for (Person p : authors) {
        out.add(
            Author.newBuilder()
                .setName(p.name())
                .setRole(p.role())
                .setAffiliation(p.affiliation())
                .setLocation(p.location())
                .build());
      }
      return out;
    }

    /**
     * {@code article} as this parse leaves it: authors, outlet and dateline set, the body without
     * dateline, credit lines and sign-off; everything else (byline_raw included) as it was.
     */
    public Article applyTo(Article article) {
      return Article.newBuilder(article)
          .setAuthors(authorRecords())
          .setOutlet(outlet)
          .setDateline(datelineRecord())
          .setText(body)
          .build();
    }

    /** The dateline as an output {@link Dateline} record, or null. */
    public Dateline datelineRecord() {
      return dateline == null
          ? null
          : Dateline.newBuilder()
              .setLocation(dateline.location())
              .setAgency(dateline.agency())
              .setRaw(dateline.raw())
              .build();
    }
  }

  private final OutletRegistry outlets;
  private final BylineParser bylines;
  private final DatelineParser datelines;
  private final CreditLineParser credits;

  public ArticleBylines(OutletRegistry outlets) {
    this.outlets = outlets;
    this.bylines = new BylineParser(outlets);
    this.datelines = new DatelineParser(outlets);
    this.credits = new CreditLineParser(outlets);
  }

  /** Over the bundled outlet list. */
  public static ArticleBylines withBundledOutlets() {
    return new ArticleBylines(OutletRegistry.bundled());
  }

  /** Parses an ingested article: its raw byline, raw body and JSONL source. */
  public Result parse(Article article) {
    return parse(article.getBylineRaw(), article.getText(), article.getOutlet());
  }

  /** {@code article} with its bylines, outlet and dateline parsed ({@link Result#applyTo}). */
  public Article apply(Article article) {
    return parse(article).applyTo(article);
  }

  /**
   * The manifest counters a parsed article adds one to: {@code byline.with_byline} (a raw byline),
   * {@code with_authors} (a person credited as author), {@code with_credits} (any other role),
   * {@code with_dateline} and {@code with_outlet}.
   */
  public static List<String> counters(Article credited) {
    List<String> names = new ArrayList<>(5);
    if (credited.getBylineRaw() != null) {
      names.add("byline.with_byline");
    }
    if (credited.getAuthors().stream().anyMatch(p -> p.getRole().equals(Person.AUTHOR))) {
      names.add("byline.with_authors");
    }
    if (credited.getAuthors().stream().anyMatch(p -> !p.getRole().equals(Person.AUTHOR))) {
      names.add("byline.with_credits");
    }
    if (credited.getDateline() != null) {
      names.add("byline.with_dateline");
    }
    if (credited.getOutlet() != null) {
      names.add("byline.with_outlet");
    }
    return names;
  }

  /**
   * @param bylineRaw the raw byline (text header after the date, or JSONL {@code byline}), may be
   *     null
   * @param body the raw body, dateline and credit lines still in
   * @param source the raw JSONL {@code source} (what ingest puts in {@code outlet}), may be null
   */
  public Result parse(String bylineRaw, String body, String source) {
    ParsedByline byline = bylines.parse(bylineRaw);
    DatelineParser.Result dated = datelines.parse(body == null ? "" : body);
    CreditLineParser.Result credited = credits.parse(dated.body());

    List<Person> authors = new ArrayList<>();
    byline.people().stream().filter(p -> Person.AUTHOR.equals(p.role())).forEach(authors::add);
    byline.people().stream().filter(p -> !Person.AUTHOR.equals(p.role())).forEach(authors::add);
    authors.addAll(credited.people());

    String outlet = byline.outlet();
    if (outlet == null && dated.dateline() != null) {
      outlet = dated.dateline().agency();
    }
    if (outlet == null) {
      outlet = outlets.canonicalOrRaw(source);
    }
    return new Result(
        List.copyOf(authors),
        outlet,
        dated.dateline(),
        credited.body(),
        byline,
        credited.creditLines(),
        credited.signOffRemoved());
  }
}
