package dev.newsbeam.topics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.newsbeam.schema.Topic;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled taxonomy with the default scoring, on short articles written for this test (fictional
 * people, firms and places, in the styles of UK, US, Indian and Australian outlets and of wire
 * copy): the first tag's top-level topic for every one of the 17 IPTC top-level topics, including
 * the cases one keyword would get wrong (a games console is not sport, a sentencing bill is
 * politics, a footballer's trial is crime).
 */
class DefaultTaxonomyExamplesTest {
  static final Taxonomy TAXONOMY = Taxonomy.defaults();
  static final TaxonomyTagger TAGGER = TaxonomyTagger.defaults();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          medtop:01000000 | Veteran director's quiet seaside drama wins over festival critics | The film, shot over six weeks on the Norfolk coast, follows two sisters who reopen their late father's cinema. Critics at the festival praised the performances and the score, and the distributor plans a cinema release in the spring.
          medtop:01000000 | Regional newspaper group to close eight titles and cut 120 newsroom jobs | The publisher said falling print circulation and advertising had left the weekly papers unviable. Journalists' representatives said the closures would leave several towns without a local newspaper for the first time in a century.
          medtop:16000000 | Shelling resumes along the front line despite ceasefire call | Artillery fire was heard through the night as troops on both sides dug in along the front line. The army said two soldiers were killed, and aid groups warned that the offensive would cut off villages near the border.
          medtop:16000000 | Envoys meet for second round of peace talks | Negotiators from both governments sat down for peace talks aimed at ending a conflict that has displaced thousands. A mediator said a truce covering the northern province could be signed within weeks if the ceasefire holds.
          medtop:02000000 | Former winger jailed for two years over nightclub assault | A former professional footballer was sentenced to two years in prison after a jury found him guilty of assault outside a nightclub. The judge told the court the attack had left the victim with lasting injuries.
          medtop:02000000 | Police arrest three after jewellery shop robbery | Detectives arrested three men on Sunday after a robbery at a jewellery shop in which watches worth 200,000 dollars were stolen. Police said the suspects had been remanded in custody and would appear before magistrates on Monday.
          medtop:03000000 | Twelve dead as bus plunges into gorge | Twelve people were killed and 30 injured when a bus carrying pilgrims overturned and fell into a gorge on a mountain road. Rescuers worked through the night, and the injured were taken to the district hospital, officials said.
          medtop:03000000 | Earthquake flattens villages, death toll rises to 85 | A magnitude 6.8 earthquake struck the remote region before dawn, collapsing hundreds of homes. Rescue teams dug through rubble for survivors as aftershocks shook the area and the death toll climbed to 85.
          medtop:04000000 | Harcourt Foods profit falls as costs bite | Harcourt Foods reported a 12% fall in annual pre-tax profit as higher ingredient and energy costs outweighed rising sales. The company held its dividend and said it expects margins to recover in the second half; shares fell 4% in early trading.
          medtop:04000000 | Central bank holds interest rates as inflation eases | The central bank kept its benchmark interest rate at 4.25 per cent, saying inflation had eased faster than expected. Economists expect a cut later in the year as growth slows and the currency strengthens.
          medtop:05000000 | Schools told to cut class sizes as teacher numbers rise | Primary schools will have to cap classes at 28 pupils from next year, the education department said, after a recruitment drive added 4,000 teachers. Headteachers welcomed the plan but warned that some schools lacked the classrooms.
          medtop:05000000 | Board exam results: pass percentage rises to 91% | Students across the state recorded a pass percentage of 91 in the class 12 board exams, up two points on last year. Girls outperformed boys, and the board said re-evaluation applications would open next week.
          medtop:06000000 | River declared polluted after sewage spills triple | The environment agency said sewage spills into the river had tripled in three years, leaving stretches too polluted for swimming. Campaigners called for fines on the water company and faster investment in treatment works.
          medtop:06000000 | Rare frog species found thriving in restored wetland | Conservationists have recorded a breeding population of an endangered frog in a wetland restored five years ago. The discovery suggests the habitat, once drained for farmland, can support species thought lost from the region.
          medtop:07000000 | Hospital waiting lists reach record as winter pressures mount | The number of patients waiting for planned treatment has reached a record, with hospitals reporting full wards and long delays in emergency departments. Doctors' leaders said the health service needed more beds and staff.
          medtop:07000000 | Measles cases rise sharply; health officials urge vaccination | Health officials reported 140 measles cases this year, more than in the previous five years combined. They urged parents to check that children had received both doses of the vaccine before the school holidays.
          medtop:08000000 | Grandmother, 101, celebrates birthday with first skydive | A great-grandmother marked her 101st birthday by jumping out of a plane over the coast, raising money for the hospice that cared for her late husband. Her family said she had been planning the surprise for a year.
          medtop:08000000 | Lost dog walks 60 miles home after three weeks | A sheepdog missing for three weeks turned up on his owners' doorstep after walking an estimated 60 miles across the hills. The family said neighbours had shared posters and sightings, and the dog was tired but unhurt.
          medtop:09000000 | Rail workers to strike over pay offer | Train drivers will walk out for 48 hours next week after their union rejected a 3% pay offer. The union said its members had not had a real-terms pay rise in four years, and the operator warned of widespread cancellations.
          medtop:09000000 | Jobless rate falls to 3.9% as hiring picks up | The unemployment rate fell to 3.9% last month as employers added jobs in health care and construction. Wages rose 4.1% on a year earlier, and economists said the labour market remained tight.
          medtop:10000000 | The best coastal walks for a spring weekend getaway | From clifftop paths to quiet coves, these five coastal walks make for a restful weekend away. Pack a picnic, book a cottage near the trailhead and leave time for a long lunch at a harbour cafe.
          medtop:10000000 | Review: Ember Vale is a cosy farming game worth your evenings | Ember Vale asks you to restore a run-down farm, befriend the villagers and fish in the river, and it is hard to put down. The gameplay loop is gentle, the puzzles are light, and the single-player story runs about 30 hours.
          medtop:11000000 | MPs back sentencing bill at second reading | MPs voted by 312 to 201 to back the government's sentencing bill at its second reading in the Commons. The opposition said the legislation would not reduce prison overcrowding and would seek amendments in committee.
          medtop:11000000 | Opposition leader launches election manifesto | The opposition leader launched the party's manifesto on Tuesday, promising to scrap the tax on second homes and hold a referendum on electoral reform. Polls show the race tightening with three weeks to go before voters head to the polls.
          medtop:12000000 | Thousands of pilgrims gather for festival at hilltop temple | Thousands of devotees climbed to the hilltop temple on Sunday for the annual festival, offering prayers at dawn. Temple authorities said extra buses had been laid on and volunteers handed out water along the route.
          medtop:12000000 | Church of England synod votes on new prayers | The general synod of the Church of England voted to trial new prayers for use in parish services. Bishops said the change followed two years of consultation across dioceses and would be reviewed by the archbishops.
          medtop:13000000 | New games console sells out on launch day | The maker's new console sold out within hours of going on sale, with online retailers listing it as unavailable by midday. The device has a faster processor and more storage than its predecessor, and developers have promised 40 titles this year.
          medtop:13000000 | Broadband outage hits two million homes | A fault at a data centre knocked out broadband and mobile internet for two million customers for most of Tuesday. The network operator said engineers had traced the outage to a failed software update and that service had been restored.
          medtop:14000000 | Homelessness rises for fourth year as rents soar | The number of people sleeping rough rose for the fourth year running, charities said, as rents outpaced wages. Food banks reported record demand and councils warned that temporary housing budgets were exhausted.
          medtop:14000000 | Asylum applications fall as new border rules take effect | Asylum applications fell by a fifth in the first quarter after new border rules took effect. Refugee groups said migrants were taking more dangerous routes, while the government said the figures showed the policy was working.
          medtop:15000000 | Late penalty sends City into the cup final | A stoppage-time penalty from the striker sent City into the cup final after a tense semi-final. The goalkeeper had kept his side in the match with three second-half saves, and the manager praised the fans.
          medtop:15000000 | Openers set up series win with century stand | The openers put on 168 for the first wicket as the visitors chased down 290 to win the one-day series. The captain said the bowlers had done the hard work, taking six wickets in the last ten overs of the innings.
          medtop:17000000 | Amber warning as heavy rain and gales sweep in | The Met Office issued an amber warning for heavy rain, with up to 80mm expected on high ground and gusts of 70mph on the coast. Forecasters said temperatures would stay below average into the weekend.
          medtop:17000000 | Capital swelters as mercury touches 44 degrees | Temperatures touched 44 degrees Celsius in the capital on Thursday, the hottest day of the year so far, and the weather office forecast no relief before the monsoon. The heatwave alert was extended for three days.
          """)
  void theFirstTagIsTheArticlesTopLevelTopic(String expected, String title, String text) {
    List<Topic> tags = TAGGER.tag(title, text);
    assertThat(tags, not(empty()));
    assertThat(TAXONOMY.root(tags.get(0).getCode()), equalTo(expected));
  }
}
