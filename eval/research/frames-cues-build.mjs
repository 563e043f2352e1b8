// Builds lexicons/en/frame-cues.json from the cue groups written below, and (with --stats) measures
// each entry on the SemEval-2023 dev articles: in how many articles it occurs (`semeval23_docs`), the
// share of those articles annotated with the entry's frame (`semeval23_precision`) and that share divided
// by the frame's base rate (`semeval23_lift`). Only numbers are taken from the corpus; every cue is ours.
//
//   node eval/research/frames-cues-build.mjs [--stats] [--gold /work/shared/data/semeval2023_t3_en/dev.jsonl]
//
// Weight: 1 = a specific cue of the frame, 0.6 = a usual cue that also appears elsewhere,
// 0.3 = a weak cue that counts only in numbers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, readJsonl, loadLexicon, matchLexicon, termKey } from './frames-lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'lexicons/en/frame-cues.json');

// frame label -> [short id prefix, what the frame is about (our wording)]
export const FRAMES = {
  Economic: ['econ', 'the costs, benefits or financial consequences of the issue'],
  Capacity_and_resources: [
    'capacity',
    'whether there are enough resources (staff, supplies, space, infrastructure, knowledge) or whether existing systems can cope',
  ],
  Morality: ['moral', 'right and wrong in religious or ethical terms: duty, sin, virtue, conscience'],
  Fairness_and_equality: ['fair', 'whether people or groups are treated equally and fairly: discrimination, rights, double standards'],
  Legality_Constitutionality_and_jurisprudence: ['legal', 'laws, courts, constitutional rights and the legal authority to act'],
  Policy_prescription_and_evaluation: ['policy', 'specific policies or proposals and whether they work'],
  Crime_and_punishment: ['crime', 'breaking the law, policing, prosecution and punishment'],
  Security_and_defense: ['security', 'threats to a country or community and the means of defence: military, terrorism, borders'],
  Health_and_safety: ['health', 'health care, illness, injury and public safety'],
  Quality_of_life: ['life', 'effects on ordinary people\u2019s daily lives, homes, families and well-being'],
  Cultural_identity: ['culture', 'the traditions, customs, heritage and identity of a social group'],
  Public_opinion: ['opinion', 'what the public thinks: polls, surveys, protests and popular sentiment'],
  Political: ['political', 'parties, elections, politicians and partisan strategy'],
  External_regulation_and_reputation: ['external', 'relations between states, international bodies and a country\u2019s standing abroad'],
};

// Cue groups: [terms, weight, options?]. options: { match, pos, unless, note, id }
const W1 = 1,
  W2 = 0.6,
  W3 = 0.3;
export const CUES = {
  Economic: [
    [['economy', 'economic', 'economically', 'economics'], W1],
    [['economist'], W1],
    [['tax', 'taxation', 'taxpayer', 'tax cut', 'tax break'], W1],
    [['budget', 'budgetary', 'fiscal'], W1],
    [['deficit', 'national debt', 'debt'], W2],
    [['cost', 'costly'], W2, { pos: ['NOUN', 'VERB', 'ADJ'] }],
    [['expense', 'expensive', 'afford', 'affordable', 'price', 'pricing'], W2],
    [['money', 'dollar', 'cash'], W2],
    [['billion', 'trillion'], W2],
    [['revenue', 'profit', 'profitable', 'earnings'], W1],
    [['financial', 'finance', 'financially'], W1],
    [['investment', 'investor', 'invest'], W1],
    [['market', 'stock market', 'wall street'], W2],
    [['trade', 'tariff', 'export', 'import'], W2, { pos: ['NOUN', 'VERB'] }],
    [['unemployment', 'jobless', 'job creation', 'employment'], W1],
    [['wage', 'salary', 'income', 'paycheck'], W1],
    [['inflation', 'recession', 'gdp', 'growth rate', 'economic growth'], W1],
    [['industry', 'business', 'company', 'corporation', 'corporate'], W3],
    [['spending', 'subsidy', 'funding', 'fund'], W2],
    [['bank', 'banking', 'loan', 'interest rate'], W2],
    [['consumer', 'customer'], W3],
    [['wealth', 'wealthy', 'prosperity'], W3],
    [['pension', 'welfare spending', 'entitlement spending'], W2],
  ],
  Capacity_and_resources: [
    [['resource', 'resources'], W1],
    [['capacity'], W1],
    [['shortage', 'scarcity', 'scarce', 'shortfall'], W1],
    [['lack of'], W2],
    [['insufficient', 'inadequate', 'adequate'], W2],
    [['infrastructure', 'facility', 'facilities'], W2],
    [['equipment', 'supplies', 'supply'], W2],
    [['staff', 'staffing', 'understaffed', 'personnel', 'manpower', 'workforce'], W2],
    [['overwhelm', 'overwhelmed', 'overcrowd', 'overcrowded', 'overcrowding', 'overstretch', 'overstretched', 'overburdened'], W1],
    [['backlog', 'waiting list'], W1],
    [['strain on', 'stretched thin'], W1],
    [['stockpile', 'reserves'], W2],
    [['bed', 'shelter'], W3],
    [['logistics', 'logistical'], W2],
    [['land', 'water', 'energy', 'fuel', 'oil', 'gas', 'territory'], W3],
    [['deploy', 'deployment'], W3],
    [['enough'], W3],
    [['power grid', 'blackout', 'outage', 'supply chain', 'run out of', 'running out of', 'depleted', 'cope with', 'unable to cope'], W2],
    [['underfunded', 'funding shortfall', 'stretched'], W2],
  ],
  Morality: [
    [['moral', 'morally', 'morality', 'immoral', 'amoral'], W1],
    [['ethic', 'ethics', 'ethical', 'unethical'], W1],
    [['evil', 'wicked', 'wickedness'], W1],
    [['sin', 'sinful', 'sinner'], W1],
    [['god', 'lord', 'jesus', 'christ', 'divine'], W1],
    [['faith', 'faithful', 'belief'], W2],
    [['religion', 'religious'], W2],
    [['church', 'bishop', 'priest', 'cardinal', 'pope', 'pontiff', 'vatican', 'clergy', 'parish', 'pastor'], W2],
    [['catholic', 'christian', 'christianity'], W2],
    [['pray', 'prayer', 'worship', 'holy', 'sacred', 'scripture', 'bible', 'biblical', 'gospel', 'doctrine'], W1],
    [['conscience', 'virtue', 'virtuous', 'righteous', 'decency', 'integrity'], W1],
    [['shame', 'shameful', 'shameless', 'disgrace', 'disgraceful', 'despicable', 'vile'], W2],
    [['hypocrisy', 'hypocrite', 'hypocritical'], W2],
    [['lie', 'liar', 'dishonest', 'dishonesty', 'honest', 'honesty', 'truth'], W3],
    [['duty', 'obligation', 'responsibility'], W3],
    [['value', 'values'], W3, { pos: ['NOUN'] }],
    [['soul', 'heaven', 'hell', 'satan', 'demonic'], W1],
    [['abortion', 'unborn'], W2],
    [['forgive', 'forgiveness', 'mercy', 'repent', 'repentance'], W1],
    [['innocent', 'innocence'], W3],
    [['betray', 'betrayal'], W2],
  ],
  Fairness_and_equality: [
    [['fair', 'unfair', 'unfairly', 'fairness', 'fairly'], W1],
    [['equal', 'equality', 'inequality', 'unequal', 'equally'], W1],
    [['discrimination', 'discriminate', 'discriminatory'], W1],
    [['racism', 'racist', 'racial', 'race'], W2],
    [['sexism', 'sexist', 'misogyny', 'misogynist'], W1],
    [['bigot', 'bigotry', 'bigoted', 'intolerance', 'intolerant', 'hate speech'], W1],
    [
      [
        'anti-semitism',
        'anti-semitic',
        'antisemitism',
        'antisemitic',
        'islamophobia',
        'islamophobic',
        'homophobic',
        'homophobia',
        'xenophobia',
        'xenophobic',
      ],
      W1,
    ],
    [['double standard', 'double standards', 'hypocritical standard', 'selective'], W1],
    [['injustice', 'unjust', 'unjustly'], W1],
    [['civil rights', 'human rights', 'equal rights', 'civil right', 'human right'], W1],
    [['rights'], W3, { unless: { before: ['all', 'reserved', 'the'], after: ['reserved'] } }],
    [['privilege', 'privileged', 'entitle', 'entitled'], W2],
    [['minority', 'minorities', 'marginalize', 'marginalized'], W2],
    [['persecute', 'persecution', 'oppress', 'oppression', 'oppressed'], W2],
    [['censor', 'censorship', 'silence', 'ban from'], W2],
    [['victimize', 'victimhood', 'scapegoat'], W2],
    [['exempt', 'exemption', 'above the law'], W1],
    [['gay', 'lesbian', 'homosexual', 'transgender', 'lgbt'], W2],
    [['women', 'gender'], W3],
    [['jew', 'jews', 'jewish', 'muslim', 'muslims', 'black', 'white'], W3, { pos: ['NOUN', 'PROPN', 'ADJ'] }],
    [['disproportionate', 'disproportionately'], W1],
    [
      [
        'impunity',
        'special treatment',
        'preferential treatment',
        'favoritism',
        'favouritism',
        'two-tier',
        'level playing field',
        'free pass',
        'get a pass',
        'get away with',
        'segregation',
        'apartheid',
        'equal protection',
      ],
      W1,
    ],
    [['treat unfairly', 'treat equally', 'treated unfairly', 'treated equally', 'treated differently', 'treat differently'], W1],
  ],
  Legality_Constitutionality_and_jurisprudence: [
    [['law', 'laws', 'legal', 'legally', 'lawful', 'unlawful', 'unlawfully'], W1],
    [['illegal', 'illegally'], W2],
    [['constitution', 'constitutional', 'unconstitutional'], W1],
    [['court', 'supreme court', 'courtroom', 'tribunal'], W1],
    [['judge', 'justice', 'judiciary', 'judicial'], W1],
    [['ruling', 'rule against', 'rule in favor', 'overturn', 'verdict', 'precedent'], W1],
    [['lawsuit', 'sue', 'litigation', 'plaintiff', 'defendant'], W1],
    [['lawyer', 'attorney', 'counsel', 'legal team'], W1],
    [['amendment', 'first amendment', 'second amendment', 'due process'], W1],
    [['statute', 'legislation', 'legislative', 'regulatory'], W2],
    [['jurisdiction', 'authority to', 'legal authority'], W1],
    [['subpoena', 'testimony', 'testify', 'hearing', 'deposition'], W2],
    [['appeal', 'appeals court', 'injunction'], W2],
    [['warrant', 'fisa', 'surveillance'], W2],
    [['rights', 'right to', 'freedom of speech', 'free speech', 'liberty', 'civil liberties'], W2],
    [['violate', 'violation', 'breach'], W2],
    [['department of justice', 'justice department', 'doj', 'attorney general'], W1],
    [['obstruction', 'obstruct', 'obstruction of justice'], W2],
    [['impeach', 'impeachment'], W2],
    [['confirmation hearing', 'nomination'], W3],
    [['asylum', 'citizenship', 'immigration law', 'visa'], W2],
  ],
  Policy_prescription_and_evaluation: [
    [['policy', 'policies'], W1],
    [['reform', 'overhaul'], W1],
    [['proposal', 'propose', 'proposed'], W1],
    [['plan', 'strategy', 'approach', 'initiative', 'program', 'programme'], W2],
    [['measure', 'measures'], W2, { pos: ['NOUN'] }],
    [['bill', 'bills', 'act'], W2, { pos: ['NOUN', 'PROPN'], match: 'normal' }],
    [['executive order', 'mandate', 'directive', 'guideline'], W1],
    [['ban', 'restriction', 'moratorium', 'quota', 'cap'], W2, { pos: ['NOUN', 'VERB'] }],
    [['implement', 'implementation', 'enact', 'adopt'], W1],
    [['effective', 'ineffective', 'effectiveness', 'work', 'fail', 'failure', 'success', 'successful'], W3],
    [['solution', 'solve', 'fix', 'address the problem', 'tackle'], W2],
    [['funding', 'allocate'], W3],
    [['regulate', 'regulation', 'regulator'], W2],
    [['agenda'], W2],
    [['should', 'must', 'need to'], W3],
    [['recommend', 'recommendation'], W2],
    [['policymaker', 'policymakers', 'policy maker'], W2],
    [['veto', 'repeal', 'amend'], W1],
    [['wall', 'border wall', 'travel ban', 'daca', 'amnesty', 'deportation', 'deport'], W2],
  ],
  Crime_and_punishment: [
    [['crime', 'criminal', 'criminally', 'criminality'], W1],
    [['arrest', 'arrested'], W1],
    [['police', 'policeman', 'cop', 'officer', 'law enforcement', 'sheriff', 'detective'], W1],
    [['prison', 'jail', 'imprison', 'imprisonment', 'inmate', 'behind bars', 'incarceration'], W1],
    [['sentence', 'sentencing', 'convict', 'conviction'], W1],
    [['prosecute', 'prosecution', 'prosecutor', 'district attorney'], W1],
    [['indict', 'indictment', 'charge with', 'charged with', 'plead guilty', 'guilty'], W1],
    [['charge', 'charges'], W2, { pos: ['NOUN', 'VERB'] }],
    [['murder', 'murderer', 'homicide', 'kill', 'killer', 'killing'], W2],
    [['shooting', 'shooter', 'gunman', 'gunfire', 'shoot'], W2],
    [['rape', 'rapist', 'sexual assault', 'sexual abuse', 'molest', 'molestation', 'pedophile', 'paedophile'], W1],
    [['abuse', 'abuser', 'assault'], W2],
    [['fraud', 'bribery', 'bribe', 'embezzlement', 'money laundering', 'corruption', 'corrupt'], W1],
    [['theft', 'steal', 'robbery', 'burglary', 'thief'], W1],
    [['investigation', 'investigate', 'investigator', 'probe'], W2],
    [['fbi', 'special counsel', 'grand jury'], W1],
    [['suspect', 'perpetrator', 'accomplice'], W2, { pos: ['NOUN'] }],
    [['victim', 'victims'], W2],
    [['trial', 'jury', 'felony', 'misdemeanor', 'felon', 'offender', 'offense', 'offence'], W1],
    [['gang', 'cartel', 'smuggling', 'smuggler', 'trafficking', 'trafficker'], W1],
    [['punish', 'punishment', 'penalty', 'death penalty', 'fine'], W2, { pos: ['NOUN', 'VERB'] }],
    [['cover-up', 'cover up', 'obstruction of justice', 'perjury', 'lie to'], W2],
    [['alleged', 'allegedly', 'allegation', 'accuse', 'accusation'], W3],
    [['illegal alien', 'illegal aliens', 'illegal immigrant', 'illegal immigrants'], W2],
    [['violence', 'violent'], W3],
  ],
  Security_and_defense: [
    [['security', 'national security', 'homeland security', 'secure'], W1],
    [['military', 'militarily', 'armed forces', 'army', 'navy', 'air force', 'marine corps'], W1],
    [['defense', 'defence', 'defend'], W2],
    [['troop', 'troops', 'soldier', 'soldiers', 'serviceman', 'veteran'], W1],
    [['war', 'warfare', 'combat', 'battle', 'battlefield', 'conflict'], W1],
    [['weapon', 'weaponry', 'arms', 'armed', 'missile', 'missiles', 'rocket', 'bomb', 'bombing', 'nuclear', 'warhead'], W1],
    [['anti-aircraft', 'air defense', 'air defence', 'fighter jet', 'warship', 'drone', 'tank'], W1],
    [['terror', 'terrorism', 'terrorist', 'terrorists', 'counterterrorism'], W1],
    [
      [
        'jihad',
        'jihadist',
        'jihadists',
        'extremist',
        'extremists',
        'extremism',
        'radicalize',
        'radicalized',
        'militant',
        'militants',
        'isis',
        'al qaeda',
        'al-qaeda',
        'taliban',
        'hezbollah',
        'hamas',
      ],
      W1,
    ],
    [['attack', 'attacker', 'threat', 'threaten', 'invasion', 'invade'], W2],
    [['border', 'border security', 'border patrol'], W2],
    [['intelligence', 'intelligence agency', 'cia', 'nsa', 'spy', 'espionage'], W2],
    [['pentagon', 'nato', 'defense secretary', 'ministry of defense', 'ministry of defence'], W1],
    [['strategic', 'deterrent', 'deterrence', 'alliance'], W2],
    [['enemy', 'adversary', 'hostile'], W2],
    [['gun', 'guns', 'firearm', 'rifle', 'ammunition'], W2],
    [['protect', 'protection', 'safeguard'], W3],
    [['airstrike', 'air strike', 'strike'], W2, { pos: ['NOUN'] }],
    [['coup', 'insurgent', 'insurgency', 'rebel', 'rebels'], W1],
    [['cyberattack', 'cyber attack', 'hack', 'hacking'], W2],
    [['vetting', 'screening'], W3],
  ],
  Health_and_safety: [
    [['health', 'healthy', 'unhealthy', 'public health', 'health care', 'healthcare'], W1],
    [['disease', 'illness', 'ill', 'sick', 'sickness'], W1],
    [['virus', 'viral infection', 'infection', 'infected', 'infectious', 'contagious', 'bacteria', 'pathogen'], W1],
    [['epidemic', 'pandemic', 'outbreak', 'plague', 'ebola', 'flu', 'influenza', 'measles', 'cholera', 'zika'], W1],
    [['hospital', 'clinic', 'doctor', 'physician', 'nurse', 'patient', 'medical', 'medicine', 'medication'], W1],
    [['vaccine', 'vaccination', 'vaccinate', 'immunization'], W1],
    [['symptom', 'diagnose', 'diagnosis', 'treatment', 'therapy', 'surgery'], W1],
    [['cancer', 'diabetes', 'heart disease', 'obesity', 'mental health', 'mental illness', 'depression'], W1],
    [['injury', 'injure', 'injured', 'wound', 'wounded', 'hurt'], W2],
    [['death', 'die', 'dead', 'fatal', 'fatality', 'death toll'], W3],
    [['safety', 'safe', 'unsafe', 'hazard', 'hazardous', 'danger', 'dangerous'], W2],
    [['toxic', 'poison', 'poisoning', 'contamination', 'contaminate', 'pollution', 'radiation'], W1],
    [['overdose', 'opioid', 'addiction', 'addict'], W1],
    [['emergency', 'first responder', 'paramedic', 'ambulance'], W2],
    [['world health organization', 'cdc', 'ministry of health', 'health ministry'], W2],
    [['transmit', 'transmission', 'spread of'], W2],
    [['quarantine', 'isolation', 'sanitation', 'hygiene'], W1],
  ],
  Quality_of_life: [
    [['quality of life', 'standard of living', 'well-being', 'wellbeing'], W1],
    [['family', 'families', 'household'], W2],
    [['child', 'children', 'kid', 'kids', 'parent', 'parents', 'mother', 'father'], W3],
    [['home', 'homes', 'house', 'housing', 'neighborhood', 'neighbourhood'], W3],
    [['community', 'communities', 'resident', 'residents', 'local', 'villager', 'town', 'village'], W2],
    [['daily life', 'everyday life', 'daily lives', 'livelihood', 'livelihoods', 'living condition', 'living conditions'], W1],
    [['poverty', 'poor', 'homeless', 'homelessness', 'hunger', 'starvation'], W2],
    [['suffer', 'suffering', 'hardship', 'misery', 'struggle'], W2],
    [['happiness', 'happy', 'comfort', 'comfortable', 'enjoy'], W3],
    [['school', 'education', 'student', 'teacher'], W3],
    [['displace', 'displaced', 'evacuate', 'evacuation', 'flee', 'refugee', 'refugees'], W2],
    [['commute', 'traffic', 'transport', 'travel'], W3],
    [['affect', 'impact'], W3, { pos: ['VERB', 'NOUN'] }],
    [['population', 'people', 'citizen', 'citizens'], W3],
    [['life', 'lives', 'live'], W3],
    [['neighbor', 'neighbors', 'neighbour', 'neighbours', 'daily routine', 'livability', 'cost of living', 'leisure'], W2],
  ],
  Cultural_identity: [
    [['culture', 'cultural', 'culturally'], W1],
    [['tradition', 'traditional', 'traditionally', 'custom', 'customs'], W1],
    [['heritage', 'ancestry', 'ancestor', 'ancestral'], W1],
    [['identity', 'national identity'], W1],
    [['civilization', 'civilisation', 'western civilization', 'the west'], W1],
    [['language', 'english-speaking'], W2],
    [['ethnic', 'ethnicity', 'tribe', 'tribal', 'indigenous', 'native'], W2],
    [['multicultural', 'multiculturalism', 'assimilate', 'assimilation', 'integration', 'diversity'], W1],
    [['history', 'historic', 'historical', 'century', 'centuries'], W3],
    [['patriot', 'patriotic', 'patriotism', 'flag', 'anthem', 'national anthem'], W2],
    [['islam', 'islamic', 'sharia', 'christendom', 'judeo-christian'], W2],
    [['art', 'music', 'literature', 'film', 'hollywood', 'celebrity'], W3],
    [['way of life', 'lifestyle'], W2],
    [['generation', 'youth', 'millennial', 'millennials'], W3],
    [
      [
        'islamization',
        'islamisation',
        'secular',
        'secularism',
        'western values',
        'christian values',
        'nationalism',
        'nationalist',
        'political correctness',
        'politically correct',
        'pop culture',
        'mainstream culture',
        'cultural heritage',
      ],
      W2,
    ],
  ],
  Public_opinion: [
    [['poll', 'polls', 'polling', 'pollster', 'survey', 'surveyed'], W1],
    [['public opinion', 'public sentiment', 'public support', 'popular support', 'the public', 'general public'], W1],
    [['approval rating', 'approval ratings', 'public approval', 'disapprove', 'popularity', 'unpopular', 'popular'], W2],
    [['majority of americans', 'most americans', 'many americans', 'americans'], W2],
    [['protest', 'protester', 'protesters', 'demonstrator', 'demonstrators', 'rally', 'march', 'petition'], W2, { pos: ['NOUN', 'VERB'] }],
    [['outrage', 'outraged', 'backlash', 'uproar', 'outcry', 'furor'], W1],
    [['voter', 'voters', 'electorate', 'constituent'], W2],
    [['sentiment', 'opinion', 'mood', 'attitude'], W2],
    [['social media', 'twitter', 'facebook', 'viral', 'hashtag', 'trending', 'online'], W3],
    [['percent', 'per cent'], W3],
    [['critic', 'critics', 'supporter', 'supporters', 'fan', 'fans'], W3],
    [['gallup', 'pew', 'rasmussen', 'ipsos', 'yougov', 'quinnipiac'], W1],
  ],
  Political: [
    [['political', 'politically', 'politics', 'politician', 'politicize', 'politicized'], W1],
    [['democrat', 'democrats', 'democratic party', 'dems', 'republican', 'republicans', 'gop'], W1],
    [['party', 'partisan', 'bipartisan', 'nonpartisan'], W2],
    [['election', 'elect', 'elected', 'reelection', 're-election', 'midterm', 'midterms', 'primary', 'ballot'], W1],
    [['campaign', 'campaigning', 'candidate', 'candidacy', 'nominee'], W1],
    [['vote', 'voting', 'voter'], W2],
    [
      [
        'congress',
        'congressional',
        'senate',
        'senator',
        'congressman',
        'congresswoman',
        'house of representatives',
        'parliament',
        'parliamentary',
        'lawmaker',
        'legislator',
      ],
      W1,
    ],
    [['white house', 'administration', 'cabinet', 'oval office'], W1],
    [
      [
        'liberal',
        'liberals',
        'conservative',
        'conservatives',
        'progressive',
        'progressives',
        'leftist',
        'left-wing',
        'right-wing',
        'socialist',
        'socialism',
        'the left',
      ],
      W1,
    ],
    [['president', 'presidency', 'presidential', 'prime minister', 'governor', 'mayor'], W2],
    [['trump', 'obama', 'clinton', 'hillary', 'pelosi', 'schumer', 'mcconnell', 'sanders'], W2],
    [['establishment', 'deep state', 'swamp', 'globalist', 'globalists', 'elite', 'elites'], W2],
    [['lobby', 'lobbyist', 'lobbying', 'donor', 'super pac'], W1],
    [['opposition', 'ruling party', 'coalition', 'regime'], W2],
    [['maga', 'resistance', 'base'], W3],
    [['government', 'minister', 'ministry', 'official', 'officials'], W3],
    [['speaker', 'majority leader', 'minority leader', 'whip'], W2],
  ],
  External_regulation_and_reputation: [
    [
      ['foreign', 'foreign policy', 'foreign minister', 'foreign ministry', 'foreign affairs', 'secretary of state', 'state department'],
      W1,
    ],
    [['diplomat', 'diplomatic', 'diplomacy', 'diplomatically', 'embassy', 'ambassador', 'envoy', 'consulate'], W1],
    [['international', 'internationally', 'international community', 'global', 'globally', 'worldwide'], W2],
    [['bilateral', 'multilateral', 'relations', 'ties'], W1, { pos: ['ADJ', 'NOUN'] }],
    [['sanction', 'sanctions', 'embargo'], W1],
    [['treaty', 'accord', 'pact', 'summit', 'negotiation', 'negotiate', 'nuclear deal', 'trade deal', 'peace deal', 'peace talks'], W2],
    [['united nations', 'u.n.', 'un', 'security council', 'european union', 'eu', 'e.u.', 'nato', 'g7', 'g20', 'wto', 'imf'], W1],
    [['ally', 'allies', 'alliance', 'partner', 'partnership', 'cooperation'], W2],
    [['reputation', 'image', 'credibility', 'prestige', 'standing', 'humiliate', 'humiliation'], W2],
    [['kremlin', 'moscow', 'beijing', 'tehran', 'pyongyang', 'brussels', 'new delhi', 'damascus'], W1],
    [
      [
        'russia',
        'russian',
        'china',
        'chinese',
        'iran',
        'iranian',
        'north korea',
        'israel',
        'israeli',
        'syria',
        'syrian',
        'india',
        'indian',
        'saudi',
        'ukraine',
        'turkey',
        'germany',
        'france',
        'britain',
        'europe',
        'european',
      ],
      W3,
    ],
    [['country', 'countries', 'nation', 'nations', 'abroad', 'overseas'], W3],
    [['meddling', 'meddle', 'interference', 'collusion', 'collude'], W2],
    [['visit', 'state visit', 'talks'], W3, { pos: ['NOUN'] }],
    [['condemn', 'condemnation'], W2],
    [['world', 'world stage', 'world leader', 'world leaders'], W3],
  ],
};

function slug(s) {
  return (
    s
      .toLowerCase()
      .replace(/[’']/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

export function buildLexicon() {
  const entries = [];
  const ids = new Set();
  const seenTerm = new Map();
  for (const [frame, groups] of Object.entries(CUES)) {
    const [prefix, about] = FRAMES[frame];
    for (const [terms0, weight, opt = {}] of groups) {
      // the same term (same lemmas, see termKey) may not appear twice in the lexicon: the first listing keeps it
      const terms = terms0.filter((t) => {
        const k = termKey(t, opt.match || 'lemma', opt.pos);
        if (seenTerm.has(k)) {
          if (process.env.CUES_VERBOSE) console.error(`duplicate term "${t}" (${frame}) kept under ${seenTerm.get(k)}`);
          return false;
        }
        seenTerm.set(k, frame);
        return true;
      });
      if (!terms.length) continue;
      let id = opt.id || `${prefix}-${slug(terms[0])}`;
      while (ids.has(id)) id += '-2';
      ids.add(id);
      const e = {
        id,
        terms,
        match: opt.match || 'lemma',
        ...(opt.pos ? { pos: opt.pos } : {}),
        category: frame,
        weight,
        explanation: `Evokes the ${frame.replace(/_/g, ' ')} frame: ${about}.${opt.note ? ' ' + opt.note : ''}`,
        source: 'slant',
        ...(opt.unless ? { unless: opt.unless } : {}),
      };
      entries.push(e);
    }
  }
  return {
    $schema: '../schema.json',
    id: 'en/frame-cues',
    version: '1.0.0',
    language: 'en',
    description:
      'Words and short phrases that evoke one of the 14 generic policy frames of the Media Frames Corpus (category = frame label). Used to show which words evoke which frame, and as features of the framing model.',
    license: 'MIT',
    sources: [
      { id: 'slant', title: 'Written by the slant maintainers', url: 'https://github.com/slant/slant' },
      {
        id: 'mfc',
        title:
          'Boydstun, Card, Gross, Resnik, Smith (2014): Tracking the development of media frames within and across policy issues (frame inventory; cue words are ours)',
        url: 'https://homes.cs.washington.edu/~nasmith/papers/boydstun+card+gross+resnik+smith.apsa14.pdf',
      },
    ],
    entries,
  };
}

function measure(lexObj, goldFile) {
  const tmp = path.join(ROOT, 'scratch', '.frame-cues-tmp.json');
  fs.mkdirSync(path.dirname(tmp), { recursive: true });
  fs.writeFileSync(tmp, JSON.stringify(lexObj));
  const lex = loadLexicon(tmp);
  fs.unlinkSync(tmp);
  const docs = readJsonl(goldFile).filter((d) => d.doc_labels && Array.isArray(d.doc_labels.frames) && d.doc_labels.frames.length);
  const hits = new Map(); // entry id -> Set(doc index)
  docs.forEach((d, i) => {
    for (const m of matchLexicon(lex, parse(d.text))) {
      if (!hits.has(m.entry.id)) hits.set(m.entry.id, new Set());
      hits.get(m.entry.id).add(i);
    }
  });
  const base = {};
  for (const d of docs) for (const f of d.doc_labels.frames) base[f] = (base[f] || 0) + 1;
  for (const e of lexObj.entries) {
    const s = hits.get(e.id) || new Set();
    const pos = [...s].filter((i) => docs[i].doc_labels.frames.includes(e.category)).length;
    const prec = s.size ? pos / s.size : 0;
    e.stats = {
      semeval23_docs: s.size,
      semeval23_precision: +prec.toFixed(3),
      semeval23_lift: +(prec / (base[e.category] / docs.length)).toFixed(2),
    };
  }
  return { docs: docs.length, base };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const lexObj = buildLexicon();
  if (args.includes('--stats')) {
    const gi = args.indexOf('--gold');
    const gold = gi >= 0 ? args[gi + 1] : '/work/shared/data/semeval2023_t3_en/dev.jsonl';
    const { docs, base } = measure(lexObj, gold);
    console.error(`measured on ${docs} articles; base rates:`, base);
  }
  fs.writeFileSync(OUT, JSON.stringify(lexObj, null, 2) + '\n');
  console.error(`wrote ${OUT}: ${lexObj.entries.length} entries, ${lexObj.entries.reduce((n, e) => n + e.terms.length, 0)} terms`);
}
