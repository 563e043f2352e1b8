/**
 * Country, US state and capital names (and a few institutions named by their seat), lower-cased. A source named
 * only by one of these ("Russia confirmed", "Moscow said") is a government, typed as an organization.
 */
const words = (s: string): string[] => s.trim().split(/\s+/u);

export const PLACE_NAMES = new Set(
  words(`
  afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
  bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burundi
  cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti
  dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana
  greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel
  italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
  libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius
  mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands
  nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland portugal
  qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan
  suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan
  tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe britain england
  scotland wales europe africa asia america u.s. us usa u.k. uk eu nato un
  alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana
  iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
  nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
  moscow beijing washington london paris berlin tokyo kyiv kiev tehran jerusalem ankara delhi islamabad kabul
  baghdad damascus cairo riyadh brussels rome madrid ottawa canberra seoul pyongyang havana caracas kremlin
  pentagon westminster whitehall downing albany sacramento austin tallahassee
`),
);

/** Multi-word place names whose words are common on their own. */
export const PLACE_PHRASES = new Set([
  'new delhi',
  'new york',
  'new jersey',
  'new hampshire',
  'new mexico',
  'north carolina',
  'south carolina',
  'north dakota',
  'south dakota',
  'west virginia',
  'rhode island',
  'united states',
  'united kingdom',
  'south africa',
  'north korea',
  'south korea',
  'saudi arabia',
  'sri lanka',
  'new zealand',
  'white house',
  'capitol hill',
  'united nations',
  'european union',
  'hong kong',
  'des moines',
  'los angeles',
  'san francisco',
  'las vegas',
]);
