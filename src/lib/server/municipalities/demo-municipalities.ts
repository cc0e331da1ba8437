// Wiskitki and its neighbours (TERYT TERC, state on 2024-01-01): enough to run the demo without
// the full register, which `cli import-teryt FILE` loads.
export const demoMunicipalitiesCsv = `teryt7,teryt6,nazwa,rodzaj_kod,rodzaj,powiat_teryt,powiat,woj_teryt,wojewodztwo
1405011,140501,Milanówek,1,gmina miejska,1405,grodziski,14,MAZOWIECKIE
1405021,140502,Podkowa Leśna,1,gmina miejska,1405,grodziski,14,MAZOWIECKIE
1405032,140503,Baranów,2,gmina wiejska,1405,grodziski,14,MAZOWIECKIE
1405043,140504,Grodzisk Mazowiecki,3,gmina miejsko-wiejska,1405,grodziski,14,MAZOWIECKIE
1405052,140505,Jaktorów,2,gmina wiejska,1405,grodziski,14,MAZOWIECKIE
1405062,140506,Żabia Wola,2,gmina wiejska,1405,grodziski,14,MAZOWIECKIE
1438011,143801,Żyrardów,1,gmina miejska,1438,żyrardowski,14,MAZOWIECKIE
1438023,143802,Mszczonów,3,gmina miejsko-wiejska,1438,żyrardowski,14,MAZOWIECKIE
1438032,143803,Puszcza Mariańska,2,gmina wiejska,1438,żyrardowski,14,MAZOWIECKIE
1438042,143804,Radziejowice,2,gmina wiejska,1438,żyrardowski,14,MAZOWIECKIE
1438053,143805,Wiskitki,3,gmina miejsko-wiejska,1438,żyrardowski,14,MAZOWIECKIE`;
