/**
 * Word classes used by attribution detection. Written by the slant maintainers from general English grammar
 * (reporting, cognition and stance verbs; attribution nouns; source nouns). How often each word actually introduces
 * an attribution in news is measured separately (cue-priors.ts).
 */

export type { CueClass } from '../enums';

const words = (s: string): string[] => s.trim().split(/\s+/u);

export const SPEECH_VERBS = words(`
  say tell add state announce declare write tweet retweet post reply respond answer explain note remark comment
  mention report repeat reiterate recall describe ask call urge warn caution predict promise pledge vow suggest
  argue assert contend stress emphasize emphasise underscore joke quip boast brag complain lament bemoan shout yell chant
  whisper scream exclaim retort counter conclude estimate propose recommend demand request question inform notify
  assure reassure advise testify quote cite point refer characterize characterise label dub term brand portray
  talk speak discuss address publish text email e-mail message tout threaten forecast project signal indicate
  imply hint clarify elaborate continue begin interject muse observe proclaim affirm reaffirm confide lecture
  plead beg implore invite challenge dare remind convince persuade tease mutter murmur grumble sigh snap
  thunder fume rage gush marvel rave enthuse acknowledge confirm deny reveal disclose announce preach
  recount relate narrate describe outline detail list summarize summarise predict opine posit speculate theorize
  reckon pronounce decree rule order instruct command direct allow permit forbid vote veto sign veto declare
  highlight spotlight flag raise echo paraphrase stipulate specify reply rejoin sum wonder
`);

export const CREDIBILITY_VERBS = words(`
  claim allege insist admit concede maintain purport profess contend confess acknowledge
`);

export const BELIEF_VERBS = words(`
  think believe feel know expect hope fear worry doubt suspect assume guess suppose consider understand realize
  realise recognize recognise remember forget learn find decide determine figure imagine see view regard perceive
  sense anticipate want wish prefer like dislike hate intend plan aim seek mean trust bet reckon presume
  foresee envision envisage judge deem accept acknowledge agree disagree concur dread regret
`);

export const STANCE_VERBS = words(`
  support oppose back favor favour endorse reject embrace champion advocate push criticize criticise condemn
  denounce blast slam attack accuse blame charge defend praise thank congratulate apologize apologise lambaste
  lambast decry deride mock ridicule rebuke scold chide applaud hail laud welcome dismiss dispute decline
  refuse disavow repudiate reject protest oppose lobby campaign celebrate salute commend credit fault
  vouch assail berate castigate chastise denigrate disparage excoriate pan savage skewer taunt needle
  insult belittle ridicule question challenge target rip knock hit bash trash
`);

export const EVIDENCE_VERBS = words(`
  show suggest indicate reveal find demonstrate prove confirm document estimate project predict
`);

export const APPEARANCE_VERBS = words(`seem appear look sound`);

/** Adverbs that attribute a statement to unnamed others. */
export const ATTRIBUTION_ADVERBS = words(`
  reportedly allegedly apparently seemingly supposedly purportedly reputedly ostensibly evidently
  admittedly avowedly professedly
`);

/** Participles that attribute what they modify to unnamed others ("a reported approval", "the alleged attack"). */
export const ATTRIBUTIVE_PARTICIPLES = new Set(
  words(`
  reported alleged purported supposed rumored rumoured suspected presumed claimed so-called self-described
  self-proclaimed self-styled expected anticipated perceived projected widely-reported
`),
);

/** Nouns that report speech, belief or stance ("his claim that", "criticism of"). */
export const ATTRIBUTION_NOUNS = words(`
  claim statement assertion allegation accusation criticism complaint warning promise pledge vow view belief
  opinion argument suggestion proposal call demand request question concern fear hope expectation prediction
  estimate announcement comment remark explanation insistence admission denial endorsement support opposition
  praise attack charge speculation rumor rumour idea notion sense impression assessment finding conclusion
  message response reply answer defense defence testimony quote rhetoric suggestion recommendation plea
  appeal insistence contention assurance acknowledgment acknowledgement confession revelation disclosure
  declaration proclamation threat vision position stance stand objection doubt skepticism scepticism
  belief conviction understanding perception assumption suspicion worry anxiety optimism pessimism
  confidence forecast projection verdict judgment judgement analysis interview tweet post remarks words
  dismissal rejection condemnation denunciation defense backing praise apology thanks congratulations
  approval disapproval consensus agreement disagreement debate discussion talk speech address
`);

/** Words that, before a cue, are part of the cue phrase ("has said", "did not say", "also noted"). */
export const CUE_AUXILIARIES = new Set(
  words(`
  have has had having 've 's 'd will would 'll shall should can could may might must do does did be is are was
  were been being am 're 'm not n't never also later previously repeatedly once often frequently recently
  again still already just even further publicly privately openly explicitly specifically initially first
  originally subsequently quickly flatly reportedly allegedly apparently seemingly widely generally long
  then since ever
`),
);

/** Verbs that take the person addressed as an object before the content ("told reporters that"). */
export const RECIPIENT_VERBS = new Set(
  words(`
  tell ask urge warn remind assure reassure inform notify advise promise convince persuade caution beg implore
  invite instruct order direct challenge dare pledge show teach email text message write call
`),
);

/** Nouns naming a document or data rather than a person ("a report", "figures", "the statement"). */
export const DOCUMENT_NOUNS = new Set(
  words(`
  report study survey poll polls figures figure data statistics statement complaint document documents letter memo
  memorandum analysis records record filing filings email emails tweet tweets post release press transcript
  transcripts paper papers article editorial op-ed book research review audit assessment estimate estimates
  report reports findings census ruling opinion indictment lawsuit suit affidavit testimony brief motion
  order decision website site message messages cable cables footage video videos recording recordings
  file files guidance guidelines plan proposal bill law legislation legislation budget textbook manual
  account accounts log logs chart charts map maps model models projection projections forecast forecasts
  investigation inquiry probe evaluation exit contract constitution resolution declaration communique
  communiqué charter ad ads advertisement commercial
`),
);

/** Plural or quantifying words naming an unspecified group ("analysts", "critics", "some", "many"). */
export const VAGUE_NOUNS = new Set(
  words(`
  analyst analysts critic critics expert experts observer observers commentator commentators pundit pundits
  some many others other several most few people everyone everybody anyone someone somebody many
  insider insiders strategist strategists economist economists scholar scholars historian historians
  skeptic skeptics sceptic sceptics supporter supporters opponent opponents detractor detractors
  proponent proponents advocate advocates activist activists conservative conservatives liberal liberals
  progressive progressives voter voters resident residents user users fan fans follower followers
  watcher watchers veteran veterans leader leaders lawmaker lawmakers politician politicians
  scientist scientists researcher researchers academic academics economist critics observers rumors
  rumours speculation reports
`),
);

/** Nouns and phrases marking an unnamed, withheld source ("officials", "sources familiar with"). */
export const ANONYMOUS_NOUNS = new Set(
  words(`
  source sources official officials aide aides person people insider insiders adviser advisers advisor advisors
  staffer staffers spokesman spokeswoman spokesperson representative representatives diplomat diplomats
  officer officers employee employees member members associate associates confidant confidants ally allies
  operative operatives lawyer lawyers attorney attorneys investigator investigators executive executives
  donor donors friend friends
`),
);

/** Markers of anonymity after a source noun ("who asked not to be named", "on condition of anonymity"). */
export const ANONYMITY_MARKERS = words(`anonymity anonymously named identified familiar briefed knowledge`);

/** Words in a capitalised name that make it an organization rather than a person. */
export const ORGANIZATION_WORDS = new Set(
  words(`
  ministry department office committee commission council party campaign times post news press reuters
  journal tribune herald gazette guardian telegraph observer economist bloomberg cnn bbc nbc abc cbs fox msnbc
  pbs npr associated university college institute institution center centre foundation fund association union
  league federation corporation corp inc co company group bank agency bureau service services administration
  government court senate house congress parliament assembly board authority authorities police army navy
  force forces military command network networks organization organisation society trust coalition alliance
  caucus conference council club school hospital church embassy consulate kremlin pentagon whitehouse
  secretariat directorate cabinet nations union inc. ltd ltd. llc plc media magazine radio tv
  television channel daily weekly review monitor politico axios huffpost breitbart reuters afp ap poll polling
  research survey project initiative program programme network watch labour labor ukip snp nato opec
`),
);

/**
 * Words that end or fill a company's name ("Brightline Energy", "Delta Air Lines", "Acme Holdings"): a capitalised
 * name with one of them is an organization. Used only to type a name, not to find sources.
 */
export const COMPANY_WORDS = new Set(
  words(`
  energy airline airlines airways motors motor systems technologies pharmaceuticals pharma holdings partners
  capital industries labs laboratories communications entertainment foods petroleum insurance securities
  financial investments ventures solutions electric steel mining telecom telecoms software brands studios
  publishing utilities logistics enterprises semiconductor semiconductors biotech therapeutics airport railways
  railroad shipping properties realty water gas oil rail mail grid
`),
);

/** Titles and roles that mark a person ("Sen.", "spokesman", "press secretary"). */
export const PERSON_TITLES = new Set(
  words(`
  mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt col col. sgt capt. capt prof prof. rev
  rev. sir dame lord lady president vice senator representative congressman congresswoman governor mayor
  minister secretary spokesman spokeswoman spokesperson chairman chairwoman chair director chief ceo founder
  ambassador judge justice attorney lawyer professor analyst economist adviser advisor aide official candidate
  leader speaker sheriff commissioner superintendent prosecutor general colonel captain sergeant pope king queen
  prince princess premier chancellor host anchor author reporter columnist editor strategist pollster manager
  deputy assistant counsel member head officer executive president-elect nominee activist dj
`),
);

export const MALE_PRONOUNS = new Set(words(`he him his himself`));
export const FEMALE_PRONOUNS = new Set(words(`she her hers herself`));
