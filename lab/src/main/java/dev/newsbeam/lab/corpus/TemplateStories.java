package dev.newsbeam.lab.corpus;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short templated wire stories — earnings, dividends, appointments, stock splits, buybacks,
 * completed acquisitions — filled with fictional companies, places, people and numbers. Two stories
 * of one template share most of their words, so their shingle overlap is high, yet each is its own
 * story: these are the hard negatives that a dedup must keep apart. All names are invented.
 */
public final class TemplateStories {
  /** One filled template. */
  public record Filled(
      String template,
      String company,
      String title,
      List<String> paragraphs,
      List<String> labels) {}

  private record Template(String name, String label, String title, String... paragraphs) {}

  private static final Template[] TEMPLATES = {
    new Template(
        "earnings",
        "earn",
        "{CO_UP} <{TICKER}> {QTR_UP} QTR NET",
        "{CITY}, {DATE} - {CO} said net income for the {QTR} quarter {MOVED} to {NET} mln dlrs,"
            + " or {EPS} dlrs a share, from {NET0} mln dlrs, or {EPS0} dlrs a share, a year"
            + " earlier.",
        "Revenues for the quarter were {REV} mln dlrs, against {REV0} mln dlrs in the same period"
            + " last year, the company said.",
        "For the first {MONTHS} months, net income was {YNET} mln dlrs, or {YEPS} dlrs a share, on"
            + " revenues of {YREV} mln dlrs.",
        "{SHORT} said the results reflected {REASON}. The company did not give a forecast for the"
            + " rest of the year.",
        "Reuter"),
    new Template(
        "dividend",
        "earn",
        "{CO_UP} <{TICKER}> SETS QUARTERLY DIVIDEND",
        "{CITY}, {DATE} - {CO} said its board declared a quarterly dividend of {DIV} cts a share,"
            + " compared with {DIV0} cts a share paid in the previous quarter.",
        "The dividend is payable {PAYDATE} to shareholders of record on {RECDATE}, the company"
            + " said.",
        "{SHORT} said the decision reflected the board's confidence in its cash flow and that it"
            + " intends to keep paying a regular dividend.",
        "The company, which has about {SHARES} mln shares outstanding, last changed its payout in"
            + " {MONTH0}.",
        "Reuter"),
    new Template(
        "appointment",
        "management",
        "{CO_UP} NAMES {ROLE_UP}",
        "{CITY}, {DATE} - {CO} said it named {PERSON} {ROLE}, effective {PAYDATE}.",
        "{PERSON_LAST}, {AGE}, succeeds {PERSON2}, who is retiring after {YEARS} years with the"
            + " company, {SHORT} said.",
        "{PERSON_LAST} joined {SHORT} in {JOINED} and most recently served as {PREVROLE}. Before"
            + " that, {PERSON_LAST} held senior posts at {OTHERCO}.",
        "The company said the appointment was part of a planned succession and that no other"
            + " management changes were expected.",
        "Reuter"),
    new Template(
        "stock-split",
        "earn",
        "{CO_UP} <{TICKER}> SETS {A}-FOR-{B} STOCK SPLIT",
        "{CITY}, {DATE} - {CO} said its board approved a {A}-for-{B} split of its common stock,"
            + " payable {PAYDATE} to holders of record on {RECDATE}.",
        "The company said the split would increase the number of shares outstanding to about"
            + " {SHARES} mln from {SHARES0} mln.",
        "{SHORT} also said it would pay a quarterly dividend of {DIV} cts a share on the post-split"
            + " shares, equal to {DIV0} cts before the split.",
        "The company said the split was intended to broaden the ownership of its stock and improve"
            + " liquidity. Its shares closed at {PRICE} dlrs, up {CHANGE}.",
        "Reuter"),
    new Template(
        "buyback",
        "earn",
        "{CO_UP} TO BUY BACK UP TO {BUY} MLN SHARES",
        "{CITY}, {DATE} - {CO} said its board authorized the repurchase of up to {BUY} mln of its"
            + " common shares, or about {PCT} pct of the shares outstanding.",
        "The company said the shares would be bought from time to time in the open market or in"
            + " privately negotiated transactions, depending on market conditions.",
        "{SHORT} said it would fund the purchases from cash on hand, which totalled {CASH} mln dlrs"
            + " at the end of the {QTR} quarter.",
        "The company has about {SHARES} mln shares outstanding. It completed an earlier buyback of"
            + " {BUY0} mln shares in {MONTH0}.",
        "Reuter"),
    new Template(
        "acquisition",
        "acq",
        "{CO_UP} COMPLETES PURCHASE OF {TARGET_UP}",
        "{CITY}, {DATE} - {CO} said it completed its previously announced acquisition of {TARGET},"
            + " a {TARGETDESC} based in {TCITY}, for about {DEAL} mln dlrs in cash and stock.",
        "{TARGET}, which had sales of {SALES} mln dlrs last year, will operate as a unit of"
            + " {SHORT}'s {DIVISION} division, the company said.",
        "{SHORT} said it expects the acquisition to add to earnings in its first full year. It said"
            + " {TARGET} president {PERSON} would remain with the company.",
        "Reuter")
  };

  private static final String[] PREFIX = {
    "Alderwick",
    "Brightwater",
    "Cobalt Ridge",
    "Dunmore",
    "Everfield",
    "Fenwick",
    "Granholt",
    "Halvard",
    "Ironbridge",
    "Junipero",
    "Kestrel",
    "Larkspur",
    "Meridale",
    "Northcote",
    "Oakhaven",
    "Pellston",
    "Quarrymoor",
    "Redfern",
    "Silverbay",
    "Thornbury",
    "Umberlake",
    "Vantor",
    "Westmere",
    "Yarrowdale",
    "Ashgrove",
    "Bellcastle",
    "Corvale",
    "Drummore",
    "Elmstead",
    "Foxhollow"
  };
  private static final String[] SUFFIX = {
    "Holdings",
    "Industries",
    "Instruments",
    "Foods",
    "Bancorp",
    "Energy",
    "Systems",
    "Mills",
    "Chemicals",
    "Financial",
    "Freight",
    "Textiles",
    "Paper",
    "Electronics",
    "Pharmaceuticals"
  };
  private static final String[] FORM = {"Inc", "Corp", "Co", "Ltd"};
  private static final String[] CITY = {
    "PORT EDRIN",
    "CALDER FALLS",
    "MARROW CREEK",
    "LINDEN BAY",
    "ASHCOMBE",
    "NORTH TARVIS",
    "BELMARSH",
    "HOLLINGFORD",
    "STAVEN",
    "EASTON MERE",
    "GREYWELL",
    "OSTERHAVEN",
    "WRENFIELD",
    "DUNHOLLOW",
    "CARRICK POINT",
    "MILLBRAE FORKS"
  };
  private static final String[] FIRST = {
    "Arlen", "Bettina", "Cormac", "Delphine", "Evander", "Fenna", "Gideon", "Harriet", "Ivo",
    "Johanna", "Kasimir", "Lorna", "Matthias", "Nerys", "Osric", "Perpetua", "Quentin", "Rosalind"
  };
  private static final String[] LAST = {
    "Ashdown",
    "Brackley",
    "Culverhouse",
    "Dunstable",
    "Elphick",
    "Fairweather",
    "Gosling",
    "Hartnell",
    "Ingleby",
    "Jessop",
    "Kilbride",
    "Lockyer",
    "Merriman",
    "Nettleford",
    "Oldroyd",
    "Pennington",
    "Quayle",
    "Rushworth"
  };
  private static final String[] ROLE = {
    "chief executive officer",
    "chief financial officer",
    "president",
    "chief operating officer",
    "treasurer",
    "executive vice president"
  };
  private static final String[] REASON = {
    "higher volumes and lower raw material costs",
    "weaker demand in its domestic markets",
    "a one-time gain from the sale of a plant",
    "higher interest costs and a stronger dollar",
    "improved margins in its core business",
    "start-up costs at a new facility"
  };
  private static final String[] TARGETDESC = {
    "maker of industrial valves",
    "regional food distributor",
    "software developer",
    "maker of packaging materials",
    "chain of building-supply stores",
    "specialty chemicals company"
  };
  private static final String[] DIVISION = {
    "industrial", "consumer products", "services", "specialty materials", "distribution"
  };
  private static final String[] QTR = {"first", "second", "third", "fourth"};
  private static final String[] QTR_UP = {"1ST", "2ND", "3RD", "4TH"};

  private static final Pattern SLOT = Pattern.compile("\\{([A-Z_0-9]+)\\}");

  private TemplateStories() {}

  /** The templates' names, in the order {@link #batch} draws them. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Template t : TEMPLATES) {
      names.add(t.name());
    }
    return names;
  }

  /**
   * {@code count} stories of one template dated {@code date}, each about a different company (at
   * most as many as there are company names).
   */
  public static List<Filled> batch(LocalDate date, int count, SplittableRandom r) {
    Template t = TEMPLATES[r.nextInt(TEMPLATES.length)];
    List<Filled> out = new ArrayList<>(count);
    Set<String> used = new HashSet<>();
    for (int i = 0; i < count && used.size() < PREFIX.length * SUFFIX.length; i++) {
      String prefix;
      String suffix;
      do {
        prefix = PREFIX[r.nextInt(PREFIX.length)];
        suffix = SUFFIX[r.nextInt(SUFFIX.length)];
      } while (!used.add(prefix + " " + suffix));
      out.add(fill(t, prefix, suffix, date, r));
    }
    return out;
  }

  private static Filled fill(
      Template t, String prefix, String suffix, LocalDate date, SplittableRandom r) {
    Map<String, String> v = new HashMap<>();
    String company = prefix + " " + suffix + " " + FORM[r.nextInt(FORM.length)];
    v.put("CO", company);
    v.put("CO_UP", company.toUpperCase(Locale.ROOT));
    v.put("SHORT", prefix + " " + suffix);
    v.put("TICKER", ticker(prefix, suffix));
    v.put("CITY", CITY[r.nextInt(CITY.length)]);
    v.put("TCITY", titleCase(CITY[r.nextInt(CITY.length)]));
    v.put("DATE", monthDay(date));
    int q = r.nextInt(4);
    v.put("QTR", QTR[q]);
    v.put("QTR_UP", QTR_UP[q]);
    v.put("MONTHS", String.valueOf(3 * (q + 1)));
    double net = 1 + r.nextInt(2000) / 10.0;
    double net0 = 1 + r.nextInt(2000) / 10.0;
    v.put("NET", dec(net, 1));
    v.put("NET0", dec(net0, 1));
    v.put("MOVED", net >= net0 ? "rose" : "fell");
    v.put("EPS", dec(0.05 + r.nextInt(300) / 100.0, 2));
    v.put("EPS0", dec(0.05 + r.nextInt(300) / 100.0, 2));
    v.put("REV", dec(net * (6 + r.nextInt(20)), 1));
    v.put("REV0", dec(net0 * (6 + r.nextInt(20)), 1));
    v.put("YNET", dec(net * (q + 1) * (0.8 + r.nextDouble() * 0.4), 1));
    v.put("YEPS", dec((0.05 + r.nextInt(300) / 100.0) * (q + 1), 2));
    v.put("YREV", dec(net * (q + 1) * (6 + r.nextInt(20)), 1));
    v.put("REASON", REASON[r.nextInt(REASON.length)]);
    int div = 5 + r.nextInt(80);
    v.put("DIV", String.valueOf(div));
    v.put("DIV0", String.valueOf(Math.max(1, div - r.nextInt(6))));
    v.put("PAYDATE", monthDay(date.plusDays(20 + r.nextInt(40))));
    v.put("RECDATE", monthDay(date.plusDays(5 + r.nextInt(14))));
    int shares = 5 + r.nextInt(400);
    v.put("SHARES", String.valueOf(shares));
    v.put("SHARES0", String.valueOf(Math.max(2, shares / 2 + r.nextInt(3))));
    v.put("MONTH0", month(date.minusMonths(2 + r.nextInt(20))));
    String first = FIRST[r.nextInt(FIRST.length)];
    String last = LAST[r.nextInt(LAST.length)];
    v.put("PERSON", first + " " + last);
    v.put("PERSON_LAST", last);
    v.put("PERSON2", FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)]);
    String role = ROLE[r.nextInt(ROLE.length)];
    v.put("ROLE", role);
    v.put("ROLE_UP", role.toUpperCase(Locale.ROOT));
    v.put("PREVROLE", ROLE[r.nextInt(ROLE.length)] + " of its " + DIVISION[r.nextInt(5)] + " unit");
    v.put("AGE", String.valueOf(38 + r.nextInt(25)));
    v.put("YEARS", String.valueOf(8 + r.nextInt(30)));
    v.put("JOINED", String.valueOf(date.getYear() - 2 - r.nextInt(20)));
    v.put("OTHERCO", PREFIX[r.nextInt(PREFIX.length)] + " " + SUFFIX[r.nextInt(SUFFIX.length)]);
    int a = 2 + r.nextInt(2);
    v.put("A", String.valueOf(a));
    v.put("B", a == 3 ? "2" : "1");
    v.put("PRICE", dec(10 + r.nextInt(9000) / 100.0, 2));
    v.put("CHANGE", dec(0.125 * (1 + r.nextInt(24)), 3));
    int buy = 1 + r.nextInt(20);
    v.put("BUY", String.valueOf(buy));
    v.put("BUY0", String.valueOf(1 + r.nextInt(15)));
    v.put("PCT", String.valueOf(2 + r.nextInt(12)));
    v.put("CASH", dec(20 + r.nextInt(9000) / 10.0, 1));
    String target =
        PREFIX[r.nextInt(PREFIX.length)] + " " + SUFFIX[r.nextInt(SUFFIX.length)] + " Inc";
    v.put("TARGET", target);
    v.put("TARGET_UP", target.toUpperCase(Locale.ROOT));
    v.put("TARGETDESC", TARGETDESC[r.nextInt(TARGETDESC.length)]);
    v.put("DEAL", dec(5 + r.nextInt(5000) / 10.0, 1));
    v.put("SALES", dec(5 + r.nextInt(3000) / 10.0, 1));
    v.put("DIVISION", DIVISION[r.nextInt(DIVISION.length)]);
    List<String> paragraphs = new ArrayList<>();
    for (String p : t.paragraphs()) {
      paragraphs.add(substitute(p, v));
    }
    return new Filled(t.name(), company, substitute(t.title(), v), paragraphs, List.of(t.label()));
  }

  private static String substitute(String text, Map<String, String> values) {
    Matcher m = SLOT.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("template slot without a value: " + m.group());
      }
      m.appendReplacement(b, Matcher.quoteReplacement(value));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static String ticker(String prefix, String suffix) {
    String letters = prefix.replace(" ", "").toUpperCase(Locale.ROOT);
    return letters.substring(0, 3) + suffix.charAt(0);
  }

  private static String titleCase(String upper) {
    StringBuilder b = new StringBuilder();
    for (String w : upper.split(" ")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  private static String monthDay(LocalDate d) {
    return month(d) + " " + d.getDayOfMonth();
  }

  private static String month(LocalDate d) {
    return d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static String dec(double value, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }
}
