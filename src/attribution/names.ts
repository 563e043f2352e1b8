/**
 * Common English given names by usual gender, lower-cased: enough to tell "she" from "he" when an article names
 * two people. A name not listed leaves the gender unknown (compatible with either pronoun).
 */
const words = (s: string): string[] => s.trim().split(/\s+/u);

export const FEMALE_NAMES = new Set(
  words(`
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
  kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
  amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine
  carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn
  judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
  madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany
  natalie isabella charlotte rose alexis kayla hillary hilary nikki kamala nancy elizabeth sheryl theresa angela
  marine ursula jacinda christiane condoleezza madeleine janet loretta kirsten tammy susana dianne barbara michele
  kellyanne sarah huckabee ivanka melania chelsea malia sasha oprah tulsi amy ilhan alexandria rashida ayanna
  liz lisa debbie maxine gretchen gina kristi kristen mazie jeanne heidi claire tina patty shelley nikki carly
  cindy hope kate katie meghan megyn rachel maggie mika dana donna huma robby hope
`),
);

export const MALE_NAMES = new Set(
  words(`
  james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark
  donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
  nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
  jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian
  keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel
  logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis
  barack bernie bill mitt ted marco jeb chris rand mike newt rick ben jim tim joe hunter beto pete cory lindsey
  mitch paul kevin harry chuck vladimir dmitry sergei xi emmanuel boris angela narendra benjamin recep justin
  recep kim shinzo jair andres nicolas hassan ali mohammed muhammad ahmed omar abdel abu osama bashar jared eric
  reince sean steve stephen corey kellyanne rudy rudolph anthony tony jon jonah josh jeff robby dick al newt
  dan doug greg jake jay joel karl ken lou matt max nick phil ray rob ron roger sam stan todd tom travis vince
  wolf tucker bret brett hugh ezra nate reid lyndon franklin dwight abraham ronald herbert jimmy gerald rex
`),
);
