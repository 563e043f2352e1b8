/** Short news-like texts written for these tests (not from any corpus). */
export const NON_ENGLISH: Record<string, string> = {
  german:
    'Die Stadtverwaltung hat am Montag angekündigt, dass die Brücke über den Fluss im Frühjahr wieder geöffnet wird. ' +
    'Kritiker bezweifeln den Zeitplan, denn die Bauarbeiten haben sich bereits zweimal verzögert. ' +
    'Der Bürgermeister sagte, man sei zuversichtlich, dass die Kosten nicht weiter steigen würden.',
  french:
    'La mairie a annoncé lundi que le pont sur la rivière rouvrira au printemps. Les critiques doutent du calendrier, ' +
    "car les travaux ont déjà été retardés deux fois. Le maire a déclaré qu'il était confiant et que les coûts " +
    "n'augmenteraient plus.",
  spanish:
    'El ayuntamiento anunció el lunes que el puente sobre el río volverá a abrir en primavera. Los críticos dudan del ' +
    'calendario, porque las obras ya se han retrasado dos veces. El alcalde dijo que confía en que los costes no ' +
    'seguirán subiendo.',
  italian:
    'Il comune ha annunciato lunedì che il ponte sul fiume riaprirà in primavera. I critici dubitano del calendario, ' +
    'perché i lavori sono già stati rinviati due volte. Il sindaco ha detto di essere fiducioso che i costi non ' +
    'aumenteranno ancora.',
  arabic:
    'أعلنت البلدية يوم الاثنين أن الجسر فوق النهر سيعاد فتحه في الربيع. ويشكك المنتقدون في الجدول الزمني لأن ' +
    'الأعمال تأخرت مرتين. وقال رئيس البلدية إنه واثق من أن التكاليف لن ترتفع أكثر.',
};

export const ENGLISH_SHORT = 'The council said on Monday that the bridge over the river would reopen in the spring, despite two delays.';
